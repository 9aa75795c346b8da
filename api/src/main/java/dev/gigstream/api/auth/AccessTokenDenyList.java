package dev.gigstream.api.auth;

import dev.gigstream.api.redis.RedisCircuit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Access tokens refused before they expire: the one a user presented when logging out (by its
 * {@code jti}), every token issued in a login that ended (logged out, or its refresh token was used
 * twice: by the family id each token carries) and every token of a suspended account issued up to the
 * suspension. Each entry lives as long as the tokens it denies could still be accepted (their expiry
 * plus the decoder's clock skew), so the list stays small.
 * <p>
 * Without Redis the list lives in this instance ({@link LocalDenyList}). With Redis, every instance
 * reads the shared list ({@link RedisDenyList}); logged-out tokens and ended logins are also kept in
 * the instance that saw them (neither is ever undone, so that copy cannot go stale and holds while
 * Redis does not answer), but account denials only in Redis, because a reinstatement on any instance
 * must lift them for all. While Redis does not answer, a check this instance cannot settle is
 * {@link Verdict#UNCHECKED}: the caller decides whether to go on (reads and ordinary commands; the
 * suspension check of {@link AccountStandings} still holds) or refuse (money and admin endpoints, see
 * {@link TokenCheckRequiredFilter}). A write Redis refuses is logged. Every denial is also announced
 * ({@link RevocationBroadcast}), so open WebSocket sessions holding such a token close on every instance.
 */
final class AccessTokenDenyList {

    /** What {@code JwtTimestampValidator} accepts past a token's expiry by default. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(AccessTokenDenyList.class);

    enum Verdict {
        ALLOWED, LOGGED_OUT, LOGIN_ENDED, ACCOUNT_SUSPENDED,
        /** Not denied here, but the shared list could not be asked. */
        UNCHECKED
    }

    private final DenyListStore local;
    private final DenyListStore shared;
    private final RedisCircuit circuit;
    private final Clock clock;
    private final Duration longestTokenLifetime;
    private final Consumer<AccessTokensRevoked> announce;

    /** Without Redis: this instance's list only. */
    AccessTokenDenyList(Clock clock, Duration longestTokenLifetime, Consumer<AccessTokensRevoked> announce) {
        this(new LocalDenyList(), null, null, clock, longestTokenLifetime, announce);
    }

    AccessTokenDenyList(DenyListStore local, DenyListStore shared, RedisCircuit circuit, Clock clock,
                        Duration longestTokenLifetime, Consumer<AccessTokensRevoked> announce) {
        this.local = local;
        this.shared = shared;
        this.circuit = circuit;
        this.clock = clock;
        this.longestTokenLifetime = longestTokenLifetime;
        this.announce = announce;
    }

    /** Refuses {@code token} from now until it expires. */
    void loggedOut(Jwt token) {
        Instant expiry = token.getExpiresAt() == null ? clock.instant().plus(longestTokenLifetime) : token.getExpiresAt();
        Duration ttl = Duration.between(clock.instant(), expiry).plus(CLOCK_SKEW);
        if (ttl.isNegative() || ttl.isZero()) {
            return;
        }
        String id = idOf(token);
        local.denyToken(id, ttl);
        write("a logged-out access token", store -> store.denyToken(id, ttl));
        announce.accept(AccessTokensRevoked.token(id));
    }

    /** Refuses every access token issued in the login (refresh-token family) for as long as any can be valid. */
    void loginEnded(String familyId) {
        Duration ttl = longestTokenLifetime.plus(CLOCK_SKEW);
        local.denyLogin(familyId, ttl);
        write("an ended login", store -> store.denyLogin(familyId, ttl));
        announce.accept(AccessTokensRevoked.login(familyId));
    }

    /** Refuses the account's tokens issued up to {@code at} for as long as any of them can be valid. */
    void suspended(String accountId, Instant at) {
        Duration ttl = longestTokenLifetime.plus(CLOCK_SKEW);
        if (shared == null) {
            local.denyAccount(accountId, at, ttl);
        }
        write("a suspension", store -> store.denyAccount(accountId, at, ttl));
        announce.accept(AccessTokensRevoked.account(accountId, at));
    }

    void reinstated(String accountId) {
        if (shared == null) {
            local.allowAccount(accountId);
        }
        write("a reinstatement", store -> store.allowAccount(accountId));
    }

    Verdict verdictOn(Jwt token) {
        String id = idOf(token);
        String familyId = token.getClaimAsString(AccessTokens.LOGIN_CLAIM);
        Verdict here = verdict(local.lookUp(id, familyId, token.getSubject()), token);
        if (here != Verdict.ALLOWED || shared == null) {
            return here;
        }
        if (!circuit.allowsCall()) {
            return Verdict.UNCHECKED;
        }
        try {
            DenyListStore.Denials denials = shared.lookUp(id, familyId, token.getSubject());
            circuit.succeeded();
            return verdict(denials, token);
        } catch (RuntimeException e) {
            circuit.failed(e);
            return Verdict.UNCHECKED;
        }
    }

    private static Verdict verdict(DenyListStore.Denials denials, Jwt token) {
        if (denials.tokenDenied()) {
            return Verdict.LOGGED_OUT;
        }
        if (denials.loginDenied()) {
            return Verdict.LOGIN_ENDED;
        }
        Instant upTo = denials.accountDeniedUpTo();
        if (upTo != null && (token.getIssuedAt() == null || !token.getIssuedAt().isAfter(upTo))) {
            return Verdict.ACCOUNT_SUSPENDED;
        }
        return Verdict.ALLOWED;
    }

    /** Writes are rare and matter to every instance, so they try Redis even while the circuit is open. */
    private void write(String what, Consumer<DenyListStore> change) {
        if (shared == null) {
            return;
        }
        try {
            change.accept(shared);
            circuit.succeeded();
        } catch (RuntimeException e) {
            circuit.failed(e);
            log.warn("Could not store {} in the shared deny list ({})", what, e.toString());
        }
    }

    /** The token's {@code jti}: the decoder refuses tokens without one. */
    static String idOf(Jwt token) {
        return token.getId();
    }
}
