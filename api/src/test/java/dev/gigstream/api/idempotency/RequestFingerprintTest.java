package dev.gigstream.api.idempotency;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFingerprintTest {

    private static final SecretKey KEY = RequestFingerprint.keyFrom(new SecretKeySpec(new byte[32], "HmacSHA256"));

    private static RequestFingerprint post(String path, String body) {
        return RequestFingerprint.of("POST", path, null, body.getBytes(StandardCharsets.UTF_8), KEY);
    }

    @Test
    void aJsonBodyIsComparedAsJsonNotAsText() {
        assertThat(post("/api/v1/jobs", "{\"title\":\"Cook\",\"pay\":{\"amount\":100,\"currency\":\"NGN\"}}"))
                .isEqualTo(post("/api/v1/jobs", "{ \"pay\": {\"currency\": \"NGN\", \"amount\": 100},\n  \"title\": \"Cook\" }"));
    }

    @Test
    void anotherValueTypeOrOrderOfListItemsIsAnotherBody() {
        RequestFingerprint first = post("/api/v1/jobs", "{\"skills\":[\"a\",\"b\"],\"amount\":100}");
        assertThat(post("/api/v1/jobs", "{\"skills\":[\"b\",\"a\"],\"amount\":100}")).isNotEqualTo(first);
        assertThat(post("/api/v1/jobs", "{\"skills\":[\"a\",\"b\"],\"amount\":\"100\"}")).isNotEqualTo(first);
        assertThat(post("/api/v1/jobs", "{\"skills\":[\"a\",\"b\"],\"amount\":101}")).isNotEqualTo(first);
    }

    @Test
    void aBodyThatIsNotJsonIsComparedAsSent() {
        assertThat(post("/api/v1/jobs", "not json")).isEqualTo(post("/api/v1/jobs", "not json"));
        assertThat(post("/api/v1/jobs", "not json")).isNotEqualTo(post("/api/v1/jobs", "not  json"));
        assertThat(post("/api/v1/jobs", "")).isNotEqualTo(post("/api/v1/jobs", "{}"));
    }

    @Test
    void theSameBodyAtAnotherPathOrWithAnotherQueryIsAnotherRequest() {
        RequestFingerprint first = post("/api/v1/jobs/1/applications", "{}");
        assertThat(post("/api/v1/jobs/2/applications", "{}")).isNotEqualTo(first).satisfies(other ->
                assertThat(other.samePlaceAs(first)).isFalse());
        assertThat(RequestFingerprint.of("POST", "/api/v1/jobs/1/applications", "x=1", "{}".getBytes(StandardCharsets.UTF_8), KEY))
                .isNotEqualTo(first);
    }

    @Test
    void theBodyIsKeptOnlyAsAKeyedHashSoAPasswordInItCannotBeGuessedFromTheTable() throws Exception {
        String body = "{\"email\":\"ada@example.com\",\"password\":\"correct horse battery staple\"}";
        String plain = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        SecretKey another = RequestFingerprint.keyFrom(new SecretKeySpec(new byte[]{1, 2, 3}, "HmacSHA256"));

        assertThat(post("/api/v1/auth/register", body).bodyHash()).isNotEqualTo(plain).hasSize(64);
        assertThat(RequestFingerprint.of("POST", "/api/v1/auth/register", null, body.getBytes(StandardCharsets.UTF_8), another))
                .isNotEqualTo(post("/api/v1/auth/register", body));
    }
}
