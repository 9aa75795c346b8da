package dev.gigstream.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Verifies an access token's signature and claims once, then remembers the verified token until its
 * {@code exp} and never past it: a client sends the same token with every request for its 15 minutes,
 * and checking the HMAC and parsing the JSON again each time was a sixth of a request's CPU. Only
 * what verified is kept (a forged or expired token is verified, and refused, every time), in a cache
 * bounded by size. What can change during a token's life is not kept here: whether it was revoked and
 * the account's standing are asked on every request after this ({@link RevocationCheckingJwtDecoder}).
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder verifier, Clock clock, long maximumSize) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.<String, Jwt>writing((token, jwt) -> lifeLeft(jwt)))
                .build();
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null && clock.instant().isBefore(known.getExpiresAt())) {
            return known;
        }
        Jwt jwt = verifier.decode(token); // the verifier refuses tokens without exp
        if (!lifeLeft(jwt).isZero()) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    private Duration lifeLeft(Jwt jwt) {
        Instant expiry = jwt.getExpiresAt();
        Duration left = expiry == null ? Duration.ZERO : Duration.between(clock.instant(), expiry);
        return left.isNegative() ? Duration.ZERO : left;
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
