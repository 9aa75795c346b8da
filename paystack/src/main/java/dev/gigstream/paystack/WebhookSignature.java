package dev.gigstream.paystack;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Paystack signs each webhook with {@code x-paystack-signature}: the hex HMAC-SHA512 of the exact raw
 * request body, keyed with the secret key. The check runs on the raw bytes (never a re-serialized
 * body) and compares in constant time.
 */
public final class WebhookSignature {

    private final byte[] secretKey;

    public WebhookSignature(String secretKey) {
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("the Paystack secret key is required to verify webhooks");
        }
        this.secretKey = secretKey.getBytes(StandardCharsets.UTF_8);
    }

    public boolean isValid(byte[] rawBody, String signatureHeader) {
        if (rawBody == null || signatureHeader == null || signatureHeader.isBlank()) {
            return false;
        }
        byte[] expected = sign(rawBody).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signatureHeader.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    /** The hex signature Paystack would send for {@code rawBody}. */
    public String sign(byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secretKey, "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA512 is not available", e);
        }
    }
}
