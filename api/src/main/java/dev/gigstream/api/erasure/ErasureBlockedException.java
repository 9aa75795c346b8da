package dev.gigstream.api.erasure;

import dev.gigstream.api.web.problems.ProblemException;
import dev.gigstream.query.erasure.PersonalDataScrub;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/** 409 {@code ERASURE_BLOCKED}, with what is pending ({@code pending}: kind and id of each) so the person knows what to end first. */
final class ErasureBlockedException extends ProblemException {

    static final String CODE = "ERASURE_BLOCKED";

    private final List<PersonalDataScrub.Pending> pending;

    ErasureBlockedException(List<PersonalDataScrub.Pending> pending) {
        super(HttpStatus.CONFLICT, CODE, "The data cannot be erased while an escrow, a dispute or a payout is open: "
                + "the law requires them finished first; see pending");
        this.pending = List.copyOf(pending);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("pending", pending);
    }
}
