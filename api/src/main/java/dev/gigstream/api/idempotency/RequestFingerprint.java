package dev.gigstream.api.idempotency;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests "the same request" for an idempotency key: method, path (with its query) and a
 * SHA-256 of the body. A JSON body is hashed in a canonical form (members sorted by name, no insignificant
 * white space), so a client that serializes the same body another way is not told it sent another one;
 * any other body is hashed as sent.
 */
record RequestFingerprint(String method, String path, String bodySha256) {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    static RequestFingerprint of(String method, String path, String query, byte[] body) {
        return new RequestFingerprint(method, query == null ? path : path + "?" + query, sha256(canonical(body)));
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

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
