package dev.gigstream.api.redis;

import com.nimbusds.jwt.SignedJWT;
import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.RedisServer;
import dev.gigstream.api.testsupport.RestartableApp;
import dev.gigstream.api.testsupport.StompUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL database and one Redis (one key prefix), as deployed behind a load
 * balancer: a limit, per address or per user, holds for both together, and a logout or suspension on one is obeyed by the other
 * on the very next request, and their open WebSocket sessions there are closed. Login attempts of the rate-limit test come from an address of their own
 * (X-Forwarded-For through a trusted proxy); the other tests sign in from 127.0.0.1, four logins in all,
 * under the limit of five.
 */
class InstancesShareStateIT {

    private static final int LIMIT = 5;
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    /** Writes a user may make a minute; the other tests make at most one per user. */
    private static final int WRITES = 4;

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static Api a;
    private static Api b;
    private static String keyPrefix;

    @BeforeAll
    static void twoInstances() {
        String redis = RedisServer.assumeAvailable();
        keyPrefix = RedisServer.freshKeyPrefix();
        var app = new RestartableApp("--gigstream.redis.url=" + redis, "--gigstream.redis.key-prefix=" + keyPrefix,
                "--gigstream.auth.rate-limit.requests=" + LIMIT, "--gigstream.auth.rate-limit.per=1m",
                "--gigstream.rate-limits.groups.writes.requests=" + WRITES,
                "--server.forward-headers-strategy=native",
                "--gigstream.auth.admin.email=" + ADMIN_EMAIL, "--gigstream.auth.admin.password=" + ADMIN_PASSWORD);
        first = app.start();
        second = app.start();
        a = RestartableApp.api(first);
        b = RestartableApp.api(second);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void loginAttemptsThroughEitherInstanceCountAgainstOneLimit() {
        Map<String, String> from = Map.of("X-Forwarded-For", "203.0.113.7");
        Map<String, String> guess = Map.of("email", "victim@example.com", "password", "guess number one");
        for (int attempt = 1; attempt <= LIMIT; attempt++) {
            Api instance = attempt % 2 == 1 ? a : b;
            var answer = instance.send("POST", "/api/v1/auth/login", guess, null, from);
            assertThat(answer.status()).as("attempt " + attempt).isEqualTo(401);
            assertThat(answer.header("X-RateLimit-Remaining")).as("attempt " + attempt).isEqualTo(Integer.toString(LIMIT - attempt));
        }

        for (Api instance : new Api[]{a, b}) {
            var limited = instance.send("POST", "/api/v1/auth/login", guess, null, from);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.json().get("code").asText()).isEqualTo("RATE_LIMITED");
            assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        }
        // another address has a bucket of its own
        assertThat(b.send("POST", "/api/v1/auth/login", guess, null, Map.of("X-Forwarded-For", "203.0.113.8")).status())
                .isEqualTo(401);
        // the bucket is one key in Redis, which expires once the bucket would be full again
        long ttl = redis().getExpire(keyPrefix + "rate-limit:auth:login:203.0.113.7", TimeUnit.MILLISECONDS);
        assertThat(ttl).isBetween(1L, Duration.ofMinutes(1).plusSeconds(1).toMillis());
    }

    @Test
    void aUsersWritesThroughEitherInstanceCountAgainstOneLimit() {
        var worker = signUp(a, "WORKER");
        for (int write = 1; write <= WRITES; write++) {
            Api instance = write % 2 == 1 ? a : b;
            var answer = instance.post("/api/v1/notifications/" + UUID.randomUUID() + "/read", null, worker.accessToken());
            assertThat(answer.status()).as("write " + write).isNotEqualTo(429);
            assertThat(answer.header("RateLimit-Remaining")).as("write " + write).isEqualTo(Integer.toString(WRITES - write));
        }

        for (Api instance : new Api[]{a, b}) {
            var limited = instance.post("/api/v1/notifications/" + UUID.randomUUID() + "/read", null, worker.accessToken());
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.json().get("code").asText()).isEqualTo("RATE_LIMITED");
            assertThat(limited.header("RateLimit-Limit")).isEqualTo(Integer.toString(WRITES));
        }
        // another user has a bucket of its own, and the bucket is one key in Redis named for the user
        var other = signUp(b, "WORKER");
        assertThat(a.post("/api/v1/notifications/" + UUID.randomUUID() + "/read", null, other.accessToken()).status())
                .isNotEqualTo(429);
        assertThat(redis().hasKey(keyPrefix + "rate-limit:writes:user:" + worker.id())).isTrue();
    }

    @Test
    void aWorkerWhoLogsOutOnOneInstanceIsRefusedOnTheOtherAtOnce() throws Exception {
        var worker = signUp(a, "WORKER");
        b.get("/api/v1/me", worker.accessToken()).expect(200);

        a.post("/api/v1/auth/logout", Map.of("refreshToken", worker.refreshToken()), worker.accessToken()).expect(204);

        var refused = b.get("/api/v1/me", worker.accessToken());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").asText()).isEqualTo("TOKEN_REVOKED");
        assertThat(StompUser.refusal(port(second), worker.accessToken())).startsWith("TOKEN_REVOKED:");
        assertThat(a.get("/api/v1/me", worker.accessToken()).json().get("code").asText()).isEqualTo("TOKEN_REVOKED");
        // a fresh login is not affected
        var again = logIn(b, worker.email(), Api.PASSWORD, worker.id());
        a.get("/api/v1/me", again.accessToken()).expect(200);
        try (StompUser live = StompUser.connect(port(second), again.accessToken())) {
            assertThat(live.connected()).isTrue();
        }
    }

    @Test
    void aSuspensionOnOneInstanceRefusesTheOldTokenOnTheOtherAtOnce() throws Exception {
        var admin = logIn(a, ADMIN_EMAIL, ADMIN_PASSWORD, null);
        var worker = signUp(b, "WORKER");
        b.get("/api/v1/me", worker.accessToken()).expect(200);

        a.post("/api/v1/admin/users/" + worker.id() + "/suspend", Map.of("reason", "off-platform payment"),
                admin.accessToken()).expect(202);

        var refused = b.get("/api/v1/me", worker.accessToken());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").asText()).isEqualTo("ACCOUNT_SUSPENDED");
        assertThat(StompUser.refusal(port(second), worker.accessToken())).startsWith("ACCOUNT_SUSPENDED:");
        // the denial is shared through Redis and lasts as long as a token can: 15 minutes and the clock skew
        long ttl = redis().getExpire(keyPrefix + "denied-account:" + worker.id(), TimeUnit.SECONDS);
        assertThat(ttl).isBetween(Duration.ofMinutes(15).toSeconds(), Duration.ofMinutes(16).toSeconds());

        b.post("/api/v1/admin/users/" + worker.id() + "/reinstate", Map.of("reason", "explained"), admin.accessToken())
                .expect(202);
        a.get("/api/v1/me", worker.accessToken()).expect(200);
        assertThat(redis().hasKey(keyPrefix + "denied-account:" + worker.id())).isFalse();
    }

    @Test
    void aRefreshTokenReusedOnOneInstanceEndsTheLoginsAccessTokensOnTheOtherAtOnce() throws Exception {
        var worker = signUp(a, "WORKER");
        String successor = a.send("POST", "/api/v1/auth/refresh", Map.of("refreshToken", worker.refreshToken()), null,
                ownAddress()).expect(200).json().get("accessToken").asText();

        b.send("POST", "/api/v1/auth/refresh", Map.of("refreshToken", worker.refreshToken()), null, ownAddress()).expect(401);

        for (String token : new String[]{worker.accessToken(), successor}) {
            var refused = a.get("/api/v1/me", token);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().get("code").asText()).isEqualTo("TOKEN_REVOKED");
        }
        // the login's denial is shared through Redis and lasts as long as a token can: 15 minutes and the clock skew
        String login = SignedJWT.parse(successor).getJWTClaimsSet().getStringClaim("sid");
        long ttl = redis().getExpire(keyPrefix + "denied-login:" + login, TimeUnit.SECONDS);
        assertThat(ttl).isBetween(Duration.ofMinutes(15).toSeconds(), Duration.ofMinutes(16).toSeconds());
    }

    @Test
    void sessionsOpenOnTheOtherInstanceAreClosedByALogoutOrASuspensionAtOnce() throws Exception {
        var admin = logIn(a, ADMIN_EMAIL, ADMIN_PASSWORD, null);
        var loggingOut = signUp(a, "WORKER");
        var suspended = signUp(a, "WORKER");
        try (StompUser first = StompUser.connect(port(second), loggingOut.accessToken()).subscribeToNotifications();
             StompUser other = StompUser.connect(port(second), suspended.accessToken()).subscribeToNotifications()) {

            a.post("/api/v1/auth/logout", Map.of("refreshToken", loggingOut.refreshToken()), loggingOut.accessToken())
                    .expect(204);
            assertThat(first.closedWith()).startsWith("TOKEN_REVOKED:");
            assertThat(other.connected()).isTrue();

            a.post("/api/v1/admin/users/" + suspended.id() + "/suspend", Map.of("reason", "off-platform payment"),
                    admin.accessToken()).expect(202);
            assertThat(other.closedWith()).startsWith("ACCOUNT_SUSPENDED:");
            assertThat(other.next(0)).as("nothing pushed to the suspended worker").isNull();
        }
    }

    /** Signs up from an address of its own, so this class's small login limit counts only where a test means it to. */
    private static Api.User signUp(Api api, String role) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        String userId = api.send("POST", "/api/v1/auth/register", Api.registration(email, role), null, ownAddress())
                .expect(201).json().get("userId").asText();
        return logIn(api, email, Api.PASSWORD, userId);
    }

    private static Api.User logIn(Api api, String email, String password, String userId) {
        var tokens = api.send("POST", "/api/v1/auth/login", Map.of("email", email, "password", password), null, ownAddress())
                .expect(200).json();
        return new Api.User(userId, email, tokens.get("accessToken").asText(), tokens.get("refreshToken").asText());
    }

    private static Map<String, String> ownAddress() {
        return Map.of("X-Forwarded-For", "198.51.100." + ADDRESSES.incrementAndGet());
    }

    private static StringRedisTemplate redis() {
        return first.getBean(StringRedisTemplate.class);
    }

    private static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }
}
