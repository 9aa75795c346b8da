package dev.gigstream.api.location;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret of a share link: {@value #BYTES} bytes (256 bits) from a {@link SecureRandom}, written as
 * URL-safe base64 without padding (43 characters). Only its SHA-256 hash is stored; a link is found by
 * hashing the token it presents.
 */
final class ShareTokens {

    static final int BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random;

    ShareTokens() {
        this(new SecureRandom());
    }

    ShareTokens(SecureRandom random) {
        this.random = random;
    }

    record Token(String value, String hash) {

        @Override
        public String toString() { // never in a log
            return "Token[hash=" + hash + "]";
        }
    }

    Token next() {
        byte[] secret = new byte[BYTES];
        random.nextBytes(secret);
        String value = BASE64.encodeToString(secret);
        return new Token(value, hash(value));
    }

    /** The SHA-256 of the token's characters, in lower-case hex. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** Whether {@code token} could be one of ours; anything else is unknown without a look-up. */
    static boolean wellFormed(String token) {
        return token != null && FORMAT.matcher(token).matches();
    }
}
