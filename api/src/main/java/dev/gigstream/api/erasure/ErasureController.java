package dev.gigstream.api.erasure;

import dev.gigstream.api.auth.Account;
import dev.gigstream.api.auth.Accounts;
import dev.gigstream.api.web.openapi.ProblemResponse;
import dev.gigstream.api.web.problems.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Erasure of a person's data: asked by the person, or by an admin for a verified request (docs/personal-data.md#erasure). */
@RestController
@Tag(name = "Personal data")
class ErasureController {

    private static final String BLOCKED = "ERASURE_BLOCKED";

    private final Erasures erasures;
    private final Accounts accounts;

    ErasureController(Erasures erasures, Accounts accounts) {
        this.erasures = erasures;
        this.accounts = accounts;
    }

    /** An admin's erasure on a verified request: the request's reference (a ticket, a letter's number), recorded. */
    @Schema(name = "UserErasureRequest")
    record AdminErasure(@NotBlank @Size(max = 200) String reference) {
    }

    @PostMapping("/api/v1/me/erasure")
    @PreAuthorize("hasAnyRole('WORKER', 'CLIENT')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "eraseMe", summary = "Erase the signed-in person's data; the account cannot be used again",
            description = "Refused with 409 ERASURE_BLOCKED while an escrow, a dispute or a payout of the person's is open: "
                    + "`pending` lists each (`kind` OPEN_ESCROW, OPEN_DISPUTE or PAYOUT_OWED, and `id`). Once erased, the "
                    + "person's personal data (name, e-mail, phone, payout account, positions, what they wrote) reads as "
                    + "erased everywhere, the money records are kept under the person's id, every session ends and a "
                    + "login answers 403 ACCOUNT_ERASED. Asking again answers 202 and changes nothing.")
    @ProblemResponse(status = 409, codes = BLOCKED)
    @ProblemResponse(status = 503, codes = {"STORE_UNAVAILABLE", "TOKEN_CHECK_UNAVAILABLE"})
    void eraseMe(@AuthenticationPrincipal Jwt user) {
        erasures.erase(user.getSubject(), user.getSubject(), null);
    }

    @PostMapping("/api/v1/admin/users/{userId}/erasure")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "eraseUser", summary = "Erase a worker's or client's data on a verified request",
            description = "For a request received and verified outside the app (e.g. by e-mail): `reference` names it, and "
                    + "is recorded with the admin's id. Same checks and effect as the person's own erasure.")
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    @ProblemResponse(status = 409, codes = BLOCKED)
    @ProblemResponse(status = 503, codes = {"STORE_UNAVAILABLE", "TOKEN_CHECK_UNAVAILABLE"})
    void eraseUser(@PathVariable String userId, @Valid @RequestBody AdminErasure request, @AuthenticationPrincipal Jwt admin) {
        accounts.byId(userId).map(Account::role).filter(role -> role.selfService())
                .orElseThrow(() -> new NotFoundException("No worker or client " + userId));
        erasures.erase(userId, admin.getSubject(), request.reference().strip());
    }
}
