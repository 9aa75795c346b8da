package dev.gigstream.paystack;

import java.util.regex.Pattern;

/** Our own idempotency references: Paystack accepts lowercase letters, digits, '-' and '_'. */
public final class PaystackReference {

    private static final Pattern VALID = Pattern.compile("[a-z0-9_-]{1,100}");

    private PaystackReference() {
    }

    public static String require(String reference) {
        if (reference == null || !VALID.matcher(reference).matches()) {
            throw new IllegalArgumentException("a Paystack reference is 1 to 100 lowercase letters, digits, '-' or '_': "
                    + reference);
        }
        return reference;
    }
}
