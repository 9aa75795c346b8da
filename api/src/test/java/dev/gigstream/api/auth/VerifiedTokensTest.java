package dev.gigstream.api.auth;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import dev.gigstream.api.testsupport.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private static final Duration TTL = Duration.ofMinutes(15);
    private static final SecretKey KEY = new SecretKeySpec(
            "a test secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8), "HmacSHA256");

    private final MovableClock clock = new MovableClock();
    private final AccessTokens tokens = new AccessTokens(new NimbusJwtEncoder(new ImmutableSecret<>(KEY)), clock, TTL);
    private final NimbusJwtDecoder nimbus = verifierOnThe(clock);
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder counting = token -> {
        verifications.incrementAndGet();
        return nimbus.decode(token);
    };
    private final VerifiedTokens verified = new VerifiedTokens(counting, clock, 2);

    private static NimbusJwtDecoder verifierOnThe(Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(KEY).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator expiry = new JwtTimestampValidator(); // the default's 60 s of clock skew
        expiry.setClock(clock);
        decoder.setJwtValidator(expiry);
        return decoder;
    }

    @Test
    void aTokenIsVerifiedOnceAndTheSameResultServedAfterwards() {
        String token = tokens.issue("worker-1", Role.WORKER, "login-1");

        Jwt first = verified.decode(token);
        Jwt again = verified.decode(token);

        assertThat(verifications).hasValue(1);
        assertThat(again).isSameAs(first);
        assertThat(again.getSubject()).isEqualTo("worker-1");
    }

    @Test
    void aTokenIsNeverServedFromMemoryPastItsExpiry() {
        String token = tokens.issue("worker-1", Role.WORKER, "login-1");
        verified.decode(token);

        clock.moveBy(TTL);
        verified.decode(token);
        assertThat(verifications).as("at its expiry it is verified again (the verifier allows the clock skew)").hasValue(2);

        clock.moveBy(Duration.ofSeconds(61));
        assertThatThrownBy(() -> verified.decode(token)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(3);
    }

    @Test
    void aForgedTokenIsRefusedEveryTimeAndNotRemembered() {
        String token = tokens.issue("worker-1", Role.WORKER, "login-1");
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThatThrownBy(() -> verified.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> verified.decode(forged)).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
        assertThat(verified.size()).isZero();
    }

    @Test
    void theCacheIsBoundedBySize() {
        for (int i = 0; i < 10; i++) {
            verified.decode(tokens.issue("worker-" + i, Role.WORKER, "login-" + i));
        }

        assertThat(verified.size()).isLessThanOrEqualTo(2);
    }
}
