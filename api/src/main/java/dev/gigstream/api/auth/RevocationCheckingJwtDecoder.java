package dev.gigstream.api.auth;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Refuses a valid access token that was revoked: logged out or of a login that ended
 * ({@code TOKEN_REVOKED}), or of an account suspended since it was issued ({@code ACCOUNT_SUSPENDED}),
 * so each takes effect on the next request (REST and WebSocket alike, on every instance) rather than
 * when the token expires. The token itself is verified once and remembered until it expires
 * ({@link VerifiedTokens}); the deny list is asked on every request, and then the account's standing,
 * which this instance keeps in memory, fed by the suspension events ({@link AccountStandings}), so a
 * suspension holds even while Redis does not answer.
 * <p>
 * The same standing also settles who the token speaks for: a token of no account is refused, and the
 * token returned carries the account's current role in place of the role it was issued with, so every
 * decision taken from it (the authorities, the role checks in controllers and over STOMP) follows the
 * account, not the claim.
 */
final class RevocationCheckingJwtDecoder implements JwtDecoder {

    private final JwtDecoder tokens;
    private final AccessTokenDenyList denyList;
    private final AccountStandings accounts;

    RevocationCheckingJwtDecoder(JwtDecoder tokens, AccessTokenDenyList denyList, AccountStandings accounts) {
        this.tokens = tokens;
        this.denyList = denyList;
        this.accounts = accounts;
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = tokens.decode(token);
        switch (denyList.verdictOn(jwt)) {
            case LOGGED_OUT -> throw RevokedAccessTokenException.loggedOut();
            case LOGIN_ENDED -> throw RevokedAccessTokenException.loginEnded();
            case ACCOUNT_SUSPENDED -> throw RevokedAccessTokenException.accountSuspended();
            case ALLOWED, UNCHECKED -> {
                // UNCHECKED: reads and ordinary commands go on; TokenCheckRequiredFilter refuses the rest
            }
        }
        Accounts.Standing account = accounts.of(jwt.getSubject())
                .orElseThrow(() -> new BadJwtException("The access token's account does not exist"));
        if (account.suspended()) {
            throw RevokedAccessTokenException.accountSuspended();
        }
        return withRole(jwt, account.role());
    }

    private static Jwt withRole(Jwt jwt, Role role) {
        if (role.name().equals(jwt.getClaimAsString(AccessTokens.ROLE_CLAIM))) {
            return jwt;
        }
        return Jwt.withTokenValue(jwt.getTokenValue())
                .headers(headers -> headers.putAll(jwt.getHeaders()))
                .claims(claims -> {
                    claims.putAll(jwt.getClaims());
                    claims.put(AccessTokens.ROLE_CLAIM, role.name());
                })
                .build();
    }
}
