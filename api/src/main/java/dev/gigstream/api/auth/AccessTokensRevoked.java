package dev.gigstream.api.auth;

import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;

/**
 * Access tokens that stopped being accepted before their expiry: one token (logged out), every token
 * issued in one login (its refresh-token family was revoked), or every token of an account issued up
 * to a moment (suspended). Published as an application event on every instance (see
 * {@link RevocationBroadcast}), so that what holds a token longer than a request, an open WebSocket
 * session, lets go of it at once.
 */
public record AccessTokensRevoked(Scope scope, String id, Instant issuedUpTo) {

    public enum Scope {
        /** {@code id} is the token's {@code jti}. */
        TOKEN,
        /** {@code id} is the refresh-token family, carried by each access token as {@value AccessTokens#LOGIN_CLAIM}. */
        LOGIN,
        /** {@code id} is the account; its tokens issued up to {@code issuedUpTo}. */
        ACCOUNT
    }

    static AccessTokensRevoked token(String tokenId) {
        return new AccessTokensRevoked(Scope.TOKEN, tokenId, null);
    }

    static AccessTokensRevoked login(String familyId) {
        return new AccessTokensRevoked(Scope.LOGIN, familyId, null);
    }

    static AccessTokensRevoked account(String accountId, Instant issuedUpTo) {
        return new AccessTokensRevoked(Scope.ACCOUNT, accountId, issuedUpTo);
    }

    public boolean covers(Jwt token) {
        return switch (scope) {
            case TOKEN -> id.equals(AccessTokenDenyList.idOf(token));
            case LOGIN -> id.equals(token.getClaimAsString(AccessTokens.LOGIN_CLAIM));
            case ACCOUNT -> id.equals(token.getSubject())
                    && (token.getIssuedAt() == null || !token.getIssuedAt().isAfter(issuedUpTo));
        };
    }

    /** The refusal a token it covers now meets, with the code the client sees. */
    public RevokedAccessTokenException refusal() {
        return switch (scope) {
            case TOKEN -> RevokedAccessTokenException.loggedOut();
            case LOGIN -> RevokedAccessTokenException.loginEnded();
            case ACCOUNT -> RevokedAccessTokenException.accountSuspended();
        };
    }

    /** As sent between instances: {@code SCOPE id epoch-second-or-dash}. */
    String toWire() {
        return scope + " " + id + " " + (issuedUpTo == null ? "-" : Long.toString(issuedUpTo.getEpochSecond()));
    }

    static AccessTokensRevoked fromWire(String wire) {
        String[] parts = wire.split(" ");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a revocation: " + wire);
        }
        return new AccessTokensRevoked(Scope.valueOf(parts[0]), parts[1],
                "-".equals(parts[2]) ? null : Instant.ofEpochSecond(Long.parseLong(parts[2])));
    }
}
