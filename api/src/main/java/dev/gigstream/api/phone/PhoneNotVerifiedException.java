package dev.gigstream.api.phone;

import dev.gigstream.api.web.problems.ProblemException;
import org.springframework.http.HttpStatus;

/** A worker without a verified phone number, where the server requires one ({@link PhoneRequirement}). */
final class PhoneNotVerifiedException extends ProblemException {

    static final String CODE = "PHONE_NOT_VERIFIED";

    PhoneNotVerifiedException() {
        super(HttpStatus.CONFLICT, CODE, "A verified phone number is required: ask for a code with POST "
                + "/api/v1/me/phone/verification, then send it to POST /api/v1/me/phone/verification/confirm");
    }
}
