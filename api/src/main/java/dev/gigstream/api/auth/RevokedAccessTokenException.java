package dev.gigstream.api.auth;

import org.springframework.security.oauth2.jwt.BadJwtException;

/**
 * A well-signed, unexpired access token that is refused all the same, with the problem code the
 * client sees: REST answers 401 with it, a STOMP CONNECT is refused with it and an open session
 * closed with it.
 */
public final class RevokedAccessTokenException extends BadJwtException {

    private final String code;

    private RevokedAccessTokenException(String code, String message) {
        super(message);
        this.code = code;
    }

    static RevokedAccessTokenException loggedOut() {
        return new RevokedAccessTokenException(AuthController.TOKEN_REVOKED,
                "The access token was revoked by logging out; log in again");
    }

    static RevokedAccessTokenException loginEnded() {
        return new RevokedAccessTokenException(AuthController.TOKEN_REVOKED,
                "The login this access token belongs to was ended (logged out, or its refresh token was used twice); "
                        + "log in again");
    }

    static RevokedAccessTokenException accountSuspended() {
        return new RevokedAccessTokenException(AuthController.ACCOUNT_SUSPENDED,
                "The account is suspended; an admin can reinstate it");
    }

    public String code() {
        return code;
    }
}
