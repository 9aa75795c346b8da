package dev.gigstream.messages.common;

import java.util.Set;

/**
 * How a bank account or phone number is shown to whoever may not read it whole: every character
 * but the last four hidden. One rule for the API's own answers (a worker's payout account) and for
 * the audit trail, which masks by field name: {@link #FIELDS} names every message component, at any
 * depth, that holds such a number, so a new event carrying one is masked without being listed itself.
 */
public final class MaskedNumbers {

    /** The names of the components, in any message, that hold an account or a phone number. */
    public static final Set<String> FIELDS = Set.of("accountNumber", "phone", "phoneNumber");

    private static final int SHOWN = 4;

    private MaskedNumbers() {
    }

    /** {@code number} with all but its last four characters replaced by {@code *}; shorter ones wholly. */
    public static String mask(String number) {
        int hidden = number.length() <= SHOWN ? number.length() : number.length() - SHOWN;
        return "*".repeat(hidden) + number.substring(hidden);
    }
}
