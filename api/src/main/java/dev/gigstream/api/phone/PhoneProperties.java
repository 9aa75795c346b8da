package dev.gigstream.api.phone;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gigstream.phone.verification} ({@code GIGSTREAM_PHONE_VERIFICATION}): {@code optional} (the default, so
 * existing apps keep working) or {@code required}, where a worker needs a verified phone number to apply to a job
 * and to add or change a payout account. Any other value stops the start.
 */
@ConfigurationProperties("gigstream.phone")
public record PhoneProperties(@DefaultValue("optional") Verification verification) {

    public enum Verification {
        OPTIONAL, REQUIRED
    }

    boolean required() {
        return verification == Verification.REQUIRED;
    }
}
