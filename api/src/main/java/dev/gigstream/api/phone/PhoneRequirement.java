package dev.gigstream.api.phone;

import org.springframework.stereotype.Component;

/**
 * Where the server requires verified phone numbers ({@link PhoneProperties}), what a worker may do only with
 * one: apply to a job, and add or change a payout account. Checked against the account table, which is
 * the authority, before anything is done.
 */
@Component
public class PhoneRequirement {

    /** The refusal's code, 409. */
    public static final String NOT_VERIFIED = PhoneNotVerifiedException.CODE;

    private final PhoneProperties properties;
    private final PhoneVerifications verifications;

    PhoneRequirement(PhoneProperties properties, PhoneVerifications verifications) {
        this.properties = properties;
        this.verifications = verifications;
    }

    /** Whether the server requires verified phone numbers at all. */
    public boolean required() {
        return properties.required();
    }

    /** @throws PhoneNotVerifiedException (409 {@code PHONE_NOT_VERIFIED}) when required and not verified */
    public void requireVerified(String workerId) {
        if (properties.required() && !verifications.status(workerId).map(PhoneVerifications.PhoneStatus::verified).orElse(false)) {
            throw new PhoneNotVerifiedException();
        }
    }
}
