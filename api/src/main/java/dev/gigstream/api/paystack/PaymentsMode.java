package dev.gigstream.api.paystack;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where money moves ({@code GIGSTREAM_PAYMENTS}): {@code sandbox} plays Paystack inside the app (the
 * embedded default's mode), {@code paystack} talks to Paystack with {@code PAYSTACK_SECRET_KEY} (payments
 * are off without one), {@code off} refuses payments even with a key.
 */
public enum PaymentsMode {
    SANDBOX, PAYSTACK, OFF;

    static PaymentsMode of(String configured) {
        String mode = configured == null ? "" : configured.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(value -> value.name().equals(mode)).findFirst()
                .orElseThrow(() -> new IllegalStateException("gigstream.payments.mode (GIGSTREAM_PAYMENTS) is sandbox, "
                        + "paystack or off, not '" + configured + "'"));
    }
}
