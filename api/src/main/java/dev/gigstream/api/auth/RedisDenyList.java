package dev.gigstream.api.auth;

import dev.gigstream.api.redis.RedisProperties;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The deny list in Redis, shared by every instance: {@code denied-token:<jti>},
 * {@code denied-login:<refresh-token family>} and {@code denied-account:<id>} (holding the epoch second up to which the account's tokens are denied),
 * each with a time to live that ends when the tokens it denies would have expired anyway. Failures
 * surface as Spring's {@code DataAccessException}s; {@link AccessTokenDenyList} decides what they mean.
 */
final class RedisDenyList implements DenyListStore {

    private final StringRedisTemplate redis;
    private final RedisProperties properties;

    RedisDenyList(StringRedisTemplate redis, RedisProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    @Override
    public void denyToken(String tokenId, Duration ttl) {
        redis.opsForValue().set(tokenKey(tokenId), "1", ttl);
    }

    @Override
    public void denyLogin(String familyId, Duration ttl) {
        redis.opsForValue().set(loginKey(familyId), "1", ttl);
    }

    @Override
    public void denyAccount(String accountId, Instant issuedUpTo, Duration ttl) {
        redis.opsForValue().set(accountKey(accountId), Long.toString(issuedUpTo.getEpochSecond()), ttl);
    }

    @Override
    public void allowAccount(String accountId) {
        redis.delete(accountKey(accountId));
    }

    @Override
    public Denials lookUp(String tokenId, String familyId, String accountId) {
        // a token that names no login asks for a key no one writes, so one MGET answers every case
        List<String> found = redis.opsForValue().multiGet(List.of(tokenKey(tokenId), accountKey(accountId),
                loginKey(familyId == null ? "" : familyId)));
        if (found == null) { // only inside a pipeline or transaction, which this is not
            throw new IllegalStateException("Redis answered nothing to MGET");
        }
        String account = found.get(1);
        return new Denials(found.get(0) != null, familyId != null && found.get(2) != null,
                account == null ? null : Instant.ofEpochSecond(Long.parseLong(account)));
    }

    private String tokenKey(String tokenId) {
        return properties.key("denied-token", tokenId);
    }

    private String loginKey(String familyId) {
        return properties.key("denied-login", familyId);
    }

    private String accountKey(String accountId) {
        return properties.key("denied-account", accountId);
    }
}
