package dev.gigstream.api.auth;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Refuses a valid access token whose account has been suspended since it was issued, so a suspension
 * takes effect on the next request (REST and WebSocket CONNECT alike) rather than when the token expires.
 */
final class SuspensionCheckingJwtDecoder implements JwtDecoder {

    private final JwtDecoder tokens;
    private final Accounts accounts;

    SuspensionCheckingJwtDecoder(JwtDecoder tokens, Accounts accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = tokens.decode(token);
        if (accounts.suspended(jwt.getSubject())) {
            throw new AccountSuspendedException();
        }
        return jwt;
    }

    static final class AccountSuspendedException extends BadJwtException {
        AccountSuspendedException() {
            super("The account is suspended");
        }
    }
}
