package dev.gigstream.api.auth;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.gigstream.api.auth.AccessTokenDenyList.Verdict;
import dev.gigstream.api.redis.RedisCircuit;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokenDenyListTest {

    private static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(15);

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<AccessTokensRevoked> announced = new ArrayList<>();

    private static Jwt token(String jti, String subject, Instant issuedAt) {
        Jwt.Builder token = Jwt.withTokenValue("header.payload-" + jti + "-" + issuedAt + ".signature")
                .header("alg", "HS256")
                .subject(subject)
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(TTL));
        return (jti == null ? token : token.jti(jti)).build();
    }

    private static Jwt ofLogin(String familyId, String jti, String subject) {
        return Jwt.withTokenValue("header.payload-" + jti + ".signature").header("alg", "HS256").subject(subject)
                .issuedAt(NOW.minusSeconds(60)).expiresAt(NOW.minusSeconds(60).plus(TTL)).jti(jti)
                .claim(AccessTokens.LOGIN_CLAIM, familyId).build();
    }

    private AccessTokenDenyList localOnly() {
        return new AccessTokenDenyList(new LocalDenyList(ticker), null, null, clock, TTL, announced::add);
    }

    @Test
    void aLoggedOutTokenIsRefusedAndOthersOfTheAccountAreNot() {
        var list = localOnly();
        Jwt loggedOut = token("jti-1", "worker-1", NOW.minusSeconds(60));

        list.loggedOut(loggedOut);

        assertThat(list.verdictOn(loggedOut)).isEqualTo(Verdict.LOGGED_OUT);
        assertThat(list.verdictOn(token("jti-2", "worker-1", NOW.minusSeconds(60)))).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void aLoggedOutTokenLeavesTheListOnceItCouldNoLongerBeAccepted() {
        var list = localOnly();
        Jwt loggedOut = token("jti-1", "worker-1", NOW.minus(Duration.ofMinutes(5)));
        list.loggedOut(loggedOut);

        nanos.addAndGet(Duration.ofMinutes(10).plus(AccessTokenDenyList.CLOCK_SKEW).minusSeconds(1).toNanos());
        assertThat(list.verdictOn(loggedOut)).as("within expiry plus the decoder's clock skew").isEqualTo(Verdict.LOGGED_OUT);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(list.verdictOn(loggedOut)).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void aSuspensionDeniesTheTokensIssuedUpToItUntilTheLongestLifetimeHasPassed() {
        var list = localOnly();
        Jwt before = token("jti-1", "worker-1", NOW.minusSeconds(1));
        Jwt sameSecond = token("jti-2", "worker-1", NOW);
        Jwt after = token("jti-3", "worker-1", NOW.plusSeconds(1));

        list.suspended("worker-1", NOW);

        assertThat(list.verdictOn(before)).isEqualTo(Verdict.ACCOUNT_SUSPENDED);
        assertThat(list.verdictOn(sameSecond)).isEqualTo(Verdict.ACCOUNT_SUSPENDED);
        assertThat(list.verdictOn(after)).isEqualTo(Verdict.ALLOWED);
        assertThat(list.verdictOn(token("jti-4", "client-1", NOW.minusSeconds(1)))).isEqualTo(Verdict.ALLOWED);
        nanos.addAndGet(TTL.plus(AccessTokenDenyList.CLOCK_SKEW).toNanos());
        assertThat(list.verdictOn(before)).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void aReinstatementLiftsTheAccountsDenialButNotALogout() {
        var list = localOnly();
        Jwt kept = token("jti-1", "worker-1", NOW.minusSeconds(60));
        Jwt loggedOut = token("jti-2", "worker-1", NOW.minusSeconds(60));
        list.loggedOut(loggedOut);
        list.suspended("worker-1", NOW);

        list.reinstated("worker-1");

        assertThat(list.verdictOn(kept)).isEqualTo(Verdict.ALLOWED);
        assertThat(list.verdictOn(loggedOut)).isEqualTo(Verdict.LOGGED_OUT);
    }

    @Test
    void anEndedLoginRefusesEveryTokenIssuedInItUntilTheLongestLifetimeHasPassed() {
        var list = localOnly();
        Jwt first = ofLogin("family-1", "jti-1", "worker-1");
        Jwt rotated = ofLogin("family-1", "jti-2", "worker-1");
        Jwt otherLogin = ofLogin("family-2", "jti-3", "worker-1");

        list.loginEnded("family-1");

        assertThat(list.verdictOn(first)).isEqualTo(Verdict.LOGIN_ENDED);
        assertThat(list.verdictOn(rotated)).isEqualTo(Verdict.LOGIN_ENDED);
        assertThat(list.verdictOn(otherLogin)).isEqualTo(Verdict.ALLOWED);
        assertThat(list.verdictOn(token("jti-4", "worker-1", NOW))).as("a token that names no login").isEqualTo(Verdict.ALLOWED);
        nanos.addAndGet(TTL.plus(AccessTokenDenyList.CLOCK_SKEW).minusSeconds(1).toNanos());
        assertThat(list.verdictOn(rotated)).isEqualTo(Verdict.LOGIN_ENDED);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(list.verdictOn(rotated)).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void everyDenialIsAnnouncedAndCoversWhatItDenies() {
        var list = localOnly();
        Jwt loggedOut = ofLogin("family-1", "jti-1", "worker-1");
        Jwt ofEndedLogin = ofLogin("family-2", "jti-2", "worker-1");
        Jwt ofSuspended = ofLogin("family-3", "jti-3", "client-1");

        list.loggedOut(loggedOut);
        list.loginEnded("family-2");
        list.suspended("client-1", NOW);

        assertThat(announced).hasSize(3);
        assertThat(announced.get(0).covers(loggedOut)).isTrue();
        assertThat(announced.get(0).covers(ofEndedLogin)).isFalse();
        assertThat(announced.get(1).covers(ofEndedLogin)).isTrue();
        assertThat(announced.get(1).covers(loggedOut)).isFalse();
        assertThat(announced.get(2).covers(ofSuspended)).isTrue();
        assertThat(announced.get(2).covers(token("jti-4", "client-1", NOW.plusSeconds(1)))).as("issued after").isFalse();
        assertThat(announced.stream().map(revoked -> revoked.refusal().code()))
                .containsExactly("TOKEN_REVOKED", "TOKEN_REVOKED", "ACCOUNT_SUSPENDED");
        for (AccessTokensRevoked revoked : announced) {
            assertThat(AccessTokensRevoked.fromWire(revoked.toWire())).as("as sent between instances").isEqualTo(revoked);
        }
    }

    @Test
    void theSharedListRefusesWhatAnotherInstanceDenied() {
        var shared = new LocalDenyList(ticker); // stands in for Redis, written by "another instance"
        var list = new AccessTokenDenyList(new LocalDenyList(ticker), shared, circuit(), clock, TTL, announced::add);
        Jwt token = token("jti-1", "worker-1", NOW.minusSeconds(60));

        shared.denyToken("jti-1", TTL);

        assertThat(list.verdictOn(token)).isEqualTo(Verdict.LOGGED_OUT);
    }

    @Test
    void aReinstatementOnAnotherInstanceLiftsTheSuspensionEverywhere() {
        var shared = new LocalDenyList(ticker);
        var suspending = new AccessTokenDenyList(new LocalDenyList(ticker), shared, circuit(), clock, TTL, announced::add);
        var reinstating = new AccessTokenDenyList(new LocalDenyList(ticker), shared, circuit(), clock, TTL, announced::add);
        Jwt old = token("jti-1", "worker-1", NOW.minusSeconds(60));
        suspending.suspended("worker-1", NOW);
        assertThat(reinstating.verdictOn(old)).isEqualTo(Verdict.ACCOUNT_SUSPENDED);

        reinstating.reinstated("worker-1");

        assertThat(suspending.verdictOn(old)).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void whileTheSharedListFailsACheckIsUncheckedUnlessThisInstanceKnowsTheAnswer() {
        var list = new AccessTokenDenyList(new LocalDenyList(ticker), new FailingStore(), circuit(), clock, TTL, announced::add);
        Jwt loggedOutHere = token("jti-1", "worker-1", NOW.minusSeconds(60));

        list.loggedOut(loggedOutHere); // kept here although Redis refused it
        list.loginEnded("family-1"); // likewise

        assertThat(list.verdictOn(loggedOutHere)).isEqualTo(Verdict.LOGGED_OUT);
        assertThat(list.verdictOn(ofLogin("family-1", "jti-3", "worker-1"))).isEqualTo(Verdict.LOGIN_ENDED);
        assertThat(list.verdictOn(token("jti-2", "worker-1", NOW.minusSeconds(60)))).isEqualTo(Verdict.UNCHECKED);
    }

    private RedisCircuit circuit() {
        return new RedisCircuit("tests", "tests fall back", Duration.ofSeconds(5));
    }

    private static final class FailingStore implements DenyListStore {

        @Override
        public void denyToken(String tokenId, Duration ttl) {
            throw new QueryTimeoutException("Redis command timed out");
        }

        @Override
        public void denyLogin(String familyId, Duration ttl) {
            throw new QueryTimeoutException("Redis command timed out");
        }

        @Override
        public void denyAccount(String accountId, Instant issuedUpTo, Duration ttl) {
            throw new QueryTimeoutException("Redis command timed out");
        }

        @Override
        public void allowAccount(String accountId) {
            throw new QueryTimeoutException("Redis command timed out");
        }

        @Override
        public Denials lookUp(String tokenId, String familyId, String accountId) {
            throw new QueryTimeoutException("Redis command timed out");
        }
    }
}
