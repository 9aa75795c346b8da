package dev.gigstream.api.auth;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Refuses a valid access token that was revoked: logged out ({@code TOKEN_REVOKED}), or of an account
 * suspended since it was issued ({@code ACCOUNT_SUSPENDED}), so both take effect on the next request
 * (REST and WebSocket CONNECT alike, on every instance) rather than when the token expires. The deny
 * list answers first; the account's suspension mark in PostgreSQL stays the authority, so a suspension
 * holds even while Redis does not answer.
 */
final class RevocationCheckingJwtDecoder implements JwtDecoder {

    private final JwtDecoder tokens;
    private final AccessTokenDenyList denyList;
    private final Accounts accounts;

    RevocationCheckingJwtDecoder(JwtDecoder tokens, AccessTokenDenyList denyList, Accounts accounts) {
        this.tokens = tokens;
        this.denyList = denyList;
        this.accounts = accounts;
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = tokens.decode(token);
        switch (denyList.verdictOn(jwt)) {
            case LOGGED_OUT -> throw RevokedAccessTokenException.loggedOut();
            case ACCOUNT_SUSPENDED -> throw RevokedAccessTokenException.accountSuspended();
            case ALLOWED, UNCHECKED -> {
                // UNCHECKED: reads and ordinary commands go on; TokenCheckRequiredFilter refuses the rest
            }
        }
        if (accounts.suspended(jwt.getSubject())) {
            throw RevokedAccessTokenException.accountSuspended();
        }
        return jwt;
    }
}
