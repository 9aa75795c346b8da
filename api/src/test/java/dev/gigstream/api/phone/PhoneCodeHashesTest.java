package dev.gigstream.api.phone;

import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneCodeHashesTest {

    private final PhoneCodeHashes hashes = new PhoneCodeHashes(new SecretKeySpec(new byte[32], "HmacSHA256"));

    @Test
    void aNumberWrittenAnyWayCountsAsOneAgainstTheDailyLimit() {
        String e164 = hashes.phone("+2348031234567");

        assertThat(hashes.phone("2348031234567")).isEqualTo(e164);
        assertThat(hashes.phone("08031234567")).isEqualTo(e164);
        assertThat(hashes.phone("+234 803 123 4567")).isEqualTo(e164);
        assertThat(hashes.phone("+233241234567")).as("another number").isNotEqualTo(e164);
    }

    @Test
    void aCodeHashesDifferentlyForEachAccountAndIsComparedWhole() {
        String ada = hashes.code("ada", "123456");

        assertThat(hashes.code("bola", "123456")).isNotEqualTo(ada);
        assertThat(PhoneCodeHashes.same(ada, hashes.code("ada", "123456"))).isTrue();
        assertThat(PhoneCodeHashes.same(ada, hashes.code("ada", "123457"))).isFalse();
    }
}
