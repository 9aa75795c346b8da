package dev.gigstream.api.auth;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a password acceptable: long enough (10 characters), short enough for BCrypt (72 bytes),
 * not one character repeated, not a keyboard or digit run, not a well-known password and not the email.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72;

    private static final Set<String> WELL_KNOWN = Set.of(
            "password123", "password1234", "passw0rd123", "1234567890", "0987654321", "qwertyuiop", "1q2w3e4r5t",
            "iloveyou123", "qwerty12345", "qwertyuiop1", "abcdefghij", "abc1234567", "letmein123", "welcome123",
            "admin12345", "football123", "princess123", "sunshine123", "1234567890a", "asdfghjkl1", "zaq12wsxcde");
    private static final String RUNS = "01234567890123456789 abcdefghijklmnopqrstuvwxyz qwertyuiopasdfghjklzxcvbnm";

    private PasswordPolicy() {
    }

    /**
     * Whether BCrypt sees the whole password: it ignores everything after 72 bytes, so a longer one
     * must never be checked against a hash (its first 72 bytes alone would match).
     */
    static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /** Why the password is refused, or empty when it is acceptable. */
    static Optional<String> weakness(String password, String email) {
        if (password.length() < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (!fitsBcrypt(password)) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.chars().distinct().count() == 1) {
            return Optional.of("must not be one character repeated");
        }
        if (WELL_KNOWN.contains(lower) || RUNS.contains(lower) || new StringBuilder(RUNS).reverse().toString().contains(lower)) {
            return Optional.of("is too easy to guess");
        }
        if (email != null && lower.equals(email.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("must not be the email address");
        }
        return Optional.empty();
    }
}
