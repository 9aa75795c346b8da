package dev.gigstream.api.idempotency;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests "the same request" for an idempotency key: method, path (with its query) and an
 * HMAC-SHA256 of the body. A JSON body is hashed in a canonical form (members sorted by name, no
 * insignificant white space), so a client that serializes the same body another way is not told it sent
 * another one; any other body is hashed as sent. Keyed, not a plain SHA-256, because a sign-up's body holds
 * a password: a plain hash of it, all other fields known, would be far quicker to guess than its BCrypt hash.
 */
record RequestFingerprint(String method, String path, String bodyHash) {

    private static final String HMAC = "HmacSHA256";
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    static RequestFingerprint of(String method, String path, String query, byte[] body, SecretKey key) {
        return new RequestFingerprint(method, query == null ? path : path + "?" + query, hmac(key, canonical(body)));
    }

    /** A key of its own for fingerprints, derived from {@code secret} (shared by every instance, kept across restarts). */
    static SecretKey keyFrom(SecretKey secret) {
        return new SecretKeySpec(HexFormat.of().parseHex(hmac(secret,
                "gigstream idempotency-key fingerprints".getBytes(StandardCharsets.UTF_8))), HMAC);
    }

    boolean samePlaceAs(RequestFingerprint other) {
        return method.equals(other.method) && path.equals(other.path);
    }

    private static byte[] canonical(byte[] body) {
        if (body.length == 0) {
            return body;
        }
        try {
            return CANONICAL.writeValueAsBytes(CANONICAL.readValue(body, Object.class));
        } catch (JacksonException notJson) {
            return body;
        }
    }

    private static String hmac(SecretKey key, byte[] bytes) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(bytes));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every Java runtime has HMAC-SHA256 and takes a raw key for it", e);
        }
    }
}
