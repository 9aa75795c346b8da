package dev.gigstream.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.context.event.EventListener;

import java.time.Duration;
import java.util.Optional;

/**
 * Each account's role and whether it is suspended, as every authenticated request asks, answered from
 * this instance's memory: an account is read from PostgreSQL (the authority) the first time it is
 * asked about, then kept in step by what suspends and reinstates it, from three sources, so that no
 * single lost message leaves a suspended account acting:
 * <ul>
 * <li>this instance's {@link AccountSuspensions}, once the suspension or reinstatement is committed;</li>
 * <li>the revocation every instance hears at once ({@link RevocationBroadcast}, through Redis);</li>
 * <li>the committed events themselves ({@code WorkerSuspended}, {@code ClientReinstated}, ...), which
 * every instance follows, so a broadcast that did not arrive is made good as soon as the event store
 * shows the event.</li>
 * </ul>
 * The deny list is still asked on every request before this, and refuses a suspended account's
 * tokens at once on every instance that can reach it. An entry is read again from PostgreSQL after
 * {@code lifetime} at the latest (what a missed event could leave stale), and the cache is bounded by size.
 */
final class AccountStandings {

    private final Accounts accounts;
    private final Cache<String, Accounts.Standing> standings;

    AccountStandings(Accounts accounts, long maximumSize, Duration lifetime) {
        this.accounts = accounts;
        this.standings = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(lifetime).build();
    }

    /** Empty when there is no such account (not remembered: such tokens are rare, and refused). */
    Optional<Accounts.Standing> of(String accountId) {
        return Optional.ofNullable(standings.get(accountId, id -> accounts.standing(id).orElse(null)));
    }

    void suspended(String accountId) {
        standings.asMap().computeIfPresent(accountId, (id, standing) -> new Accounts.Standing(standing.role(), true));
    }

    void reinstated(String accountId) {
        standings.asMap().computeIfPresent(accountId, (id, standing) -> new Accounts.Standing(standing.role(), false));
    }

    @EventListener
    void on(AccessTokensRevoked revoked) {
        if (revoked.scope() == AccessTokensRevoked.Scope.ACCOUNT) {
            suspended(revoked.id());
        }
    }
}
