package dev.gigstream.api.location;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ShareTokensTest {

    @Test
    void aTokenIsTwoHundredFiftySixRandomBitsInUrlSafeBase64() {
        var token = new ShareTokens().next();

        assertThat(ShareTokens.BYTES * 8).isGreaterThanOrEqualTo(128);
        assertThat(token.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(token.value())).hasSize(32);
        assertThat(ShareTokens.wellFormed(token.value())).isTrue();
    }

    @Test
    void tokensDoNotRepeat() {
        var tokens = new ShareTokens();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(tokens.next().value())).isTrue();
        }
    }

    @Test
    void onlyTheSha256OfTheTokenIsKeptAndItIsFoundAgainFromTheToken() {
        var token = new ShareTokens(new SecureRandom()).next();

        assertThat(token.hash()).hasSize(64).matches("[0-9a-f]+").isNotEqualTo(token.value());
        assertThat(ShareTokens.hash(token.value())).isEqualTo(token.hash());
        assertThat(token.toString()).doesNotContain(token.value());
        // SHA-256("abc"), the FIPS 180-2 test vector
        assertThat(ShareTokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void somethingThatCannotBeATokenIsRecognisedWithoutALookUp() {
        assertThat(ShareTokens.wellFormed(null)).isFalse();
        assertThat(ShareTokens.wellFormed("")).isFalse();
        assertThat(ShareTokens.wellFormed("a".repeat(42))).isFalse();
        assertThat(ShareTokens.wellFormed("a".repeat(44))).isFalse();
        assertThat(ShareTokens.wellFormed("a".repeat(42) + "=")).isFalse();
        assertThat(ShareTokens.wellFormed("a".repeat(42) + "/")).isFalse();
    }
}
