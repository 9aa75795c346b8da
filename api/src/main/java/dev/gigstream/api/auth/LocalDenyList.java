package dev.gigstream.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.time.Instant;

/**
 * The deny list in this instance's memory, each entry expiring with the tokens it denies. Alone it
 * serves a single instance without Redis; beside Redis it keeps this instance's own decisions even
 * while Redis does not answer.
 */
final class LocalDenyList implements DenyListStore {

    private final Cache<String, Entry> entries;

    LocalDenyList() {
        this(Ticker.systemTicker());
    }

    LocalDenyList(Ticker ticker) {
        this.entries = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfter(Expiry.<String, Entry>writing((key, entry) -> entry.ttl()))
                .build();
    }

    @Override
    public void denyToken(String tokenId, Duration ttl) {
        entries.put("token:" + tokenId, new Entry(null, ttl));
    }

    @Override
    public void denyLogin(String familyId, Duration ttl) {
        entries.put("login:" + familyId, new Entry(null, ttl));
    }

    @Override
    public void denyAccount(String accountId, Instant issuedUpTo, Duration ttl) {
        entries.put("account:" + accountId, new Entry(issuedUpTo, ttl));
    }

    @Override
    public void allowAccount(String accountId) {
        entries.invalidate("account:" + accountId);
    }

    @Override
    public Denials lookUp(String tokenId, String familyId, String accountId) {
        Entry account = entries.getIfPresent("account:" + accountId);
        return new Denials(entries.getIfPresent("token:" + tokenId) != null,
                familyId != null && entries.getIfPresent("login:" + familyId) != null,
                account == null ? null : account.issuedUpTo());
    }

    private record Entry(Instant issuedUpTo, Duration ttl) {
    }
}
