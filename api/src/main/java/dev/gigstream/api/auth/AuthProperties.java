package dev.gigstream.api.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

@ConfigurationProperties("gigstream.auth")
public record AuthProperties(String jwtSecret,
                             boolean generateDevKey,
                             Duration accessTokenTtl,
                             Duration refreshTokenTtl,
                             Credentials admin,
                             Credentials auditor,
                             RateLimit rateLimit) {

    public record Credentials(String email, String password) {

        public boolean configured() {
            return email != null && !email.isBlank();
        }
    }

    /** At most {@code requests} per {@code per} and client address, for each of register, login and refresh. */
    public record RateLimit(int requests, Duration per) {
    }
}
