package dev.gigstream.api.reach;

import dev.gigstream.api.web.problems.ProblemException;
import org.springframework.http.HttpStatus;

/** A direct text to a number that reads as no phone number of a country we text: 422 {@code PHONE_INVALID}. */
public class UntextableNumber extends ProblemException {

    public static final String CODE = "PHONE_INVALID";

    UntextableNumber() {
        super(HttpStatus.UNPROCESSABLE_ENTITY, CODE, "The phone number is not one a text message can be sent to");
    }
}
