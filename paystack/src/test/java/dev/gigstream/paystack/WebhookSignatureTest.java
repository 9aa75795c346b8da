package dev.gigstream.paystack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookSignatureTest {

    private static final String SECRET = "sk_test_gigstream_webhook_secret";
    /** openssl dgst -sha512 -hmac "$SECRET" < charge.success.json — computed independently of this code. */
    private static final String OPENSSL_SIGNATURE = "d9def35a27e55c7512c2b9d00e9638634f9c8ce6771e39a5bc9764be9dcaeec4"
            + "680a888c3cbc155454ae4e50122b24904b016fe8f70a0375a0079e7a658ef5f7";

    private final WebhookSignature signature = new WebhookSignature(SECRET);

    static byte[] sample(String name) throws IOException {
        try (InputStream in = WebhookSignatureTest.class.getResourceAsStream("/webhooks/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aBodySignedByPaystackIsAccepted() throws IOException {
        byte[] body = sample("charge.success.json");

        assertThat(signature.sign(body)).isEqualTo(OPENSSL_SIGNATURE);
        assertThat(signature.isValid(body, OPENSSL_SIGNATURE)).isTrue();
        assertThat(signature.isValid(body, OPENSSL_SIGNATURE.toUpperCase())).isTrue();
    }

    @Test
    void aSingleChangedByteIsRejected() throws IOException {
        byte[] body = sample("charge.success.json");
        byte[] tampered = Arrays.copyOf(body, body.length);
        int amountAt = new String(body, StandardCharsets.UTF_8).indexOf("1650000");
        tampered[amountAt] = '9';

        assertThat(signature.isValid(tampered, OPENSSL_SIGNATURE)).isFalse();
    }

    @Test
    void anotherKeyOrAMissingOrMalformedHeaderIsRejected() throws IOException {
        byte[] body = sample("charge.success.json");

        assertThat(new WebhookSignature("sk_test_someone_else").isValid(body, OPENSSL_SIGNATURE)).isFalse();
        assertThat(signature.isValid(body, null)).isFalse();
        assertThat(signature.isValid(body, "")).isFalse();
        assertThat(signature.isValid(body, "not hex at all")).isFalse();
        assertThat(signature.isValid(body, OPENSSL_SIGNATURE.substring(2))).isFalse();
    }

    @Test
    void withoutASecretKeyNothingCanBeVerified() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSignature(" "));
    }
}
