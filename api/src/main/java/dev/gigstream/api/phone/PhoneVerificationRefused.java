package dev.gigstream.api.phone;

import dev.gigstream.api.web.problems.ProblemException;
import org.springframework.http.HttpStatus;

/** A verification step that was refused; nothing changed, but a wrong code, which counts as a try. */
final class PhoneVerificationRefused extends ProblemException {

    static final String ALREADY_VERIFIED = "PHONE_ALREADY_VERIFIED";
    static final String NO_PHONE = "PHONE_MISSING";
    static final String NOT_STARTED = "VERIFICATION_NOT_STARTED";
    static final String CODE_WRONG = "VERIFICATION_CODE_WRONG";
    static final String CODE_EXPIRED = "VERIFICATION_CODE_EXPIRED";
    static final String TRIES_EXHAUSTED = "VERIFICATION_TRIES_EXHAUSTED";

    private PhoneVerificationRefused(HttpStatus status, String code, String detail) {
        super(status, code, detail);
    }

    static PhoneVerificationRefused alreadyVerified() {
        return new PhoneVerificationRefused(HttpStatus.CONFLICT, ALREADY_VERIFIED, "The account's phone number is verified already");
    }

    static PhoneVerificationRefused noPhone() {
        return new PhoneVerificationRefused(HttpStatus.CONFLICT, NO_PHONE,
                "The account has no phone number; set one with PUT /api/v1/me/phone first");
    }

    static PhoneVerificationRefused notStarted() {
        return new PhoneVerificationRefused(HttpStatus.CONFLICT, NOT_STARTED,
                "No code is pending; ask for one with POST /api/v1/me/phone/verification");
    }

    static PhoneVerificationRefused wrong(int triesLeft) {
        return new PhoneVerificationRefused(HttpStatus.BAD_REQUEST, CODE_WRONG,
                "The code is wrong; " + triesLeft + (triesLeft == 1 ? " try is" : " tries are") + " left");
    }

    static PhoneVerificationRefused expired() {
        return new PhoneVerificationRefused(HttpStatus.GONE, CODE_EXPIRED,
                "The code expired; ask for a new one with POST /api/v1/me/phone/verification");
    }

    static PhoneVerificationRefused triesExhausted() {
        return new PhoneVerificationRefused(HttpStatus.TOO_MANY_REQUESTS, TRIES_EXHAUSTED,
                "Too many wrong codes; ask for a new one with POST /api/v1/me/phone/verification");
    }
}
