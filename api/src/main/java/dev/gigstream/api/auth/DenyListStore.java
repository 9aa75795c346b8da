package dev.gigstream.api.auth;

import java.time.Duration;
import java.time.Instant;

/** Where denied access tokens are kept until they would have expired anyway: this instance or Redis. */
interface DenyListStore {

    void denyToken(String tokenId, Duration ttl);

    /** Denies every token issued in the login whose refresh-token family is {@code familyId}. */
    void denyLogin(String familyId, Duration ttl);

    /** Denies the account's tokens issued at or before {@code issuedUpTo}. */
    void denyAccount(String accountId, Instant issuedUpTo, Duration ttl);

    void allowAccount(String accountId);

    /** {@code familyId} is null for a token that names no login. */
    Denials lookUp(String tokenId, String familyId, String accountId);

    /** Whether the token or its login is denied, and up to when the account's tokens are (null: they are not). */
    record Denials(boolean tokenDenied, boolean loginDenied, Instant accountDeniedUpTo) {

        static final Denials NONE = new Denials(false, false, null);
    }
}
