package dev.gigstream.api.auth;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Issues the short-lived JWT access tokens: subject = account id, {@code role} claim, issuer gigstream,
 * a random {@code jti} by which the deny list refuses a token that was logged out, and the login it was
 * issued in ({@value #LOGIN_CLAIM}: the refresh-token family), by which the deny list refuses every
 * token of a login that ended. The decoder refuses tokens without {@code exp} or {@code jti}.
 */
class AccessTokens {

    static final String ISSUER = "gigstream";
    static final String ROLE_CLAIM = "role";
    /** The login session, as in OpenID Connect. */
    static final String LOGIN_CLAIM = "sid";

    private final JwtEncoder encoder;
    private final Clock clock;
    private final Duration ttl;

    AccessTokens(JwtEncoder encoder, Clock clock, Duration ttl) {
        this.encoder = encoder;
        this.clock = clock;
        this.ttl = ttl;
    }

    String issue(String accountId, Role role, String familyId) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(accountId)
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .id(UUID.randomUUID().toString())
                .claim(ROLE_CLAIM, role.name())
                .claim(LOGIN_CLAIM, familyId)
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    long ttlSeconds() {
        return ttl.toSeconds();
    }
}
