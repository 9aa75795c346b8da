package dev.gigstream.api.notifications;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.FreshStores;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.MovableTime;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.api.testsupport.StompUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import static dev.gigstream.api.testsupport.MovableTime.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A WebSocket session lives no longer than the rights it was opened with: a suspension, a logout or a
 * revoked refresh-token family closes the sessions it concerns at once (an ERROR frame naming the code,
 * then the connection closes), and a session ends when its access token expires unless the client sent
 * a fresh one on it. Time is moved, not waited for.
 */
@PostgresIT
@Import(MovableTime.class)
@TestPropertySource(properties = {
        "gigstream.auth.admin.email=" + Marketplace.ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + Marketplace.ADMIN_PASSWORD})
class OpenSessionsIT {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    @Test
    void aSuspensionClosesTheAccountsOpenSessionsAndNoOneElses() throws Exception {
        var worker = api.signUp("WORKER");
        var bystander = api.signUp("WORKER");
        var admin = new Marketplace(api).admin();
        try (StompUser live = StompUser.connect(port, worker.accessToken()).subscribeToNotifications();
             StompUser otherLogin = StompUser.connect(port, api.logIn(worker.email(), Api.PASSWORD, worker.id()).accessToken());
             StompUser other = StompUser.connect(port, bystander.accessToken()).subscribeToNotifications()) {

            api.post("/api/v1/admin/users/" + worker.id() + "/suspend", Map.of("reason", "off-platform payment"),
                    admin.accessToken()).expect(202);

            assertThat(live.closedWith()).startsWith("ACCOUNT_SUSPENDED:");
            assertThat(otherLogin.closedWith()).as("every session of the account").startsWith("ACCOUNT_SUSPENDED:");
            assertThat(live.next(0)).as("nothing was pushed to the suspended worker").isNull();
            assertThat(other.connected()).as("another user's session").isTrue();
            assertThat(other.refused()).isFalse();
        }
    }

    @Test
    void aLogoutClosesTheSessionsOfItsLoginAndNotThoseOfAnother() throws Exception {
        var worker = api.signUp("WORKER");
        var rotated = api.post("/api/v1/auth/refresh", Map.of("refreshToken", worker.refreshToken()), null).expect(200).json();
        String sameLoginAccess = rotated.get("accessToken").asText();
        String sameLoginRefresh = rotated.get("refreshToken").asText();
        var secondLogin = api.logIn(worker.email(), Api.PASSWORD, worker.id());
        try (StompUser first = StompUser.connect(port, worker.accessToken()).subscribeToNotifications();
             StompUser sameLogin = StompUser.connect(port, sameLoginAccess);
             StompUser elsewhere = StompUser.connect(port, secondLogin.accessToken()).subscribeToNotifications()) {

            api.post("/api/v1/auth/logout", Map.of("refreshToken", sameLoginRefresh), sameLoginAccess).expect(204);

            assertThat(sameLogin.closedWith()).startsWith("TOKEN_REVOKED:");
            assertThat(first.closedWith()).as("a session opened with an earlier token of the same login")
                    .startsWith("TOKEN_REVOKED:");
            assertThat(elsewhere.connected()).as("the phone that logged in separately").isTrue();
            assertThat(elsewhere.refused()).isFalse();
        }
    }

    @Test
    void aReusedRefreshTokenClosesTheSessionsOfItsFamily() throws Exception {
        var worker = api.signUp("WORKER");
        try (StompUser victim = StompUser.connect(port, worker.accessToken()).subscribeToNotifications()) {
            api.post("/api/v1/auth/refresh", Map.of("refreshToken", worker.refreshToken()), null).expect(200);

            api.post("/api/v1/auth/refresh", Map.of("refreshToken", worker.refreshToken()), null).expect(401);

            assertThat(victim.closedWith()).startsWith("TOKEN_REVOKED:");
        }
    }

    @Test
    void aSessionEndsWhenItsTokenExpires() throws Exception {
        var worker = api.signUp("WORKER");
        try (StompUser live = StompUser.connect(port, worker.accessToken()).subscribeToNotifications()) {
            CLOCK.moveBy(Duration.ofMinutes(14));
            assertThat(live.connected()).isTrue();

            CLOCK.moveBy(Duration.ofMinutes(1));

            assertThat(live.closedWith()).startsWith("TOKEN_EXPIRED:");
        }
    }

    @Test
    void aFreshTokenSentOnTheSessionKeepsItOpenUntilThatTokenExpires() throws Exception {
        var worker = api.signUp("WORKER");
        try (StompUser live = StompUser.connect(port, worker.accessToken()).subscribeToNotifications()) {
            CLOCK.moveBy(Duration.ofMinutes(10));
            String fresh = api.post("/api/v1/auth/refresh", Map.of("refreshToken", worker.refreshToken()), null)
                    .expect(200).json().get("accessToken").asText();

            live.reauthenticate(fresh);
            CLOCK.moveBy(Duration.ofMinutes(10));
            assertThat(live.connected()).as("past the first token's expiry").isTrue();
            assertThat(live.refused()).isFalse();

            CLOCK.moveBy(Duration.ofMinutes(5));
            assertThat(live.closedWith()).startsWith("TOKEN_EXPIRED:");
        }
    }

    @Test
    void onlyAValidTokenOfTheSameUserRenewsASession() throws Exception {
        var worker = api.signUp("WORKER");
        var someoneElse = api.signUp("WORKER");
        try (StompUser live = StompUser.connect(port, worker.accessToken())) {
            assertThat(refusedRenewal(live, someoneElse.accessToken())).startsWith("TOKEN_MISMATCH:");
        }
        try (StompUser live = StompUser.connect(port, worker.accessToken())) {
            assertThat(refusedRenewal(live, "not-a-jwt")).startsWith("UNAUTHENTICATED:");
        }
        var loggedOut = api.logIn(worker.email(), Api.PASSWORD, worker.id());
        try (StompUser live = StompUser.connect(port, worker.accessToken())) {
            api.post("/api/v1/auth/logout", Map.of("refreshToken", loggedOut.refreshToken()), loggedOut.accessToken())
                    .expect(204);
            assertThat(refusedRenewal(live, loggedOut.accessToken())).startsWith("TOKEN_REVOKED:");
        }
    }

    @Test
    void theAdminTopicFollowsTheAccountsRoleNotTheTokensClaim() throws Exception {
        var worker = api.signUp("WORKER");
        try (StompUser live = StompUser.connect(port, token(worker.id(), "ADMIN")).subscribe("/topic/admin/stats")) {
            // refused like any forbidden subscription (whose ERROR frame Spring may drop while closing)
            await().atMost(Duration.ofSeconds(5)).until(() -> !live.connected());
        }
        var admin = new Marketplace(api).admin();
        try (StompUser live = StompUser.connect(port, admin.accessToken()).subscribe("/topic/admin/stats")) {
            assertThat(live.connected()).isTrue();
            assertThat(live.refused()).isFalse();
        }
    }

    private static String refusedRenewal(StompUser live, String token) throws Exception {
        try {
            live.reauthenticate(token);
        } catch (Exception | AssertionError expected) {
            // the server answers with an ERROR frame instead of a RECEIPT
        }
        return live.closedWith();
    }

    /** A validly signed access token with any role claim. */
    private static String token(String subject, String role) throws Exception {
        var claims = new JWTClaimsSet.Builder().issuer("gigstream").subject(subject).claim("role", role)
                .jwtID(UUID.randomUUID().toString()).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(FreshStores.JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
