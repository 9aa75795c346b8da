package dev.gigstream.api.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.FreshStores;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import static dev.gigstream.api.testsupport.Api.PASSWORD;
import static dev.gigstream.api.testsupport.Api.registration;
import static org.assertj.core.api.Assertions.assertThat;

@PostgresIT
@TestPropertySource(properties = {
        "gigstream.auth.admin.email=Admin@Gigstream.test",
        "gigstream.auth.admin.password=admin password for tests",
        "gigstream.auth.auditor.email=auditor@gigstream.test",
        "gigstream.auth.auditor.password=auditor password for tests"})
class AuthIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Api api;

    private static String newEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    private int accounts() {
        return jdbc.sql("SELECT count(*) FROM account").query(Integer.class).single();
    }

    @Test
    void aClientSignsUpAndSeesTheirAccount() {
        String email = newEmail();
        var registered = api.post("/api/v1/auth/register", registration(email, "CLIENT"), null).expect(201);
        assertThat(registered.json().get("role").asText()).isEqualTo("CLIENT");
        String userId = registered.json().get("userId").asText();

        var tokens = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null).expect(200).json();
        assertThat(tokens.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(900);

        var me = api.get("/api/v1/me", tokens.get("accessToken").asText()).expect(200).json();
        assertThat(me.get("userId").asText()).isEqualTo(userId);
        assertThat(me.get("email").asText()).isEqualTo(email);
        assertThat(me.get("fullName").asText()).isEqualTo("Ada Obi");
        assertThat(me.get("role").asText()).isEqualTo("CLIENT");
    }

    @Test
    void anEmailCanBeRegisteredOnlyOnceWhateverItsCase() {
        String email = newEmail();
        api.post("/api/v1/auth/register", registration(email, "WORKER"), null).expect(201);
        int before = accounts();

        var again = api.post("/api/v1/auth/register", registration(" " + email.toUpperCase() + " ", "CLIENT"), null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(again.json().get("code").asText()).isEqualTo("EMAIL_TAKEN");
        assertThat(accounts()).isEqualTo(before);
    }

    @Test
    void weakPasswordsAreRefusedAndNothingIsStored() {
        int before = accounts();
        for (String weak : new String[]{"short1", "1234567890", "aaaaaaaaaaaa", "Password123"}) {
            Map<String, Object> body = registration(newEmail(), "CLIENT");
            body.put("password", weak);

            var refused = api.post("/api/v1/auth/register", body, null);

            assertThat(refused.status()).as(weak).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("password");
        }
        assertThat(accounts()).isEqualTo(before);
    }

    @Test
    void adminAndAuditorCannotBeChosenAtSignUp() {
        int before = accounts();
        for (String role : new String[]{"ADMIN", "AUDITOR"}) {
            var refused = api.post("/api/v1/auth/register", registration(newEmail(), role), null);

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("role");
        }
        var unknownRole = api.post("/api/v1/auth/register", registration(newEmail(), "ROOT"), null);
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(accounts()).isEqualTo(before);
    }

    @Test
    void malformedOrIncompleteSignUpsAreBadRequestsListingTheFields() {
        int before = accounts();
        var malformed = api.post("/api/v1/auth/register", "{\"email\": ", null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();

        Map<String, Object> unknownField = registration(newEmail(), "CLIENT");
        unknownField.put("isAdmin", true);
        var unknown = api.post("/api/v1/auth/register", unknownField, null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("isAdmin");

        var incomplete = api.post("/api/v1/auth/register", Map.of("email", "not-an-email", "role", "CLIENT"), null);
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.json().get("errors").findValuesAsString("field"))
                .contains("email", "password", "fullName", "phone");
        assertThat(incomplete.body()).doesNotContain("Exception", "at dev.gigstream");
        assertThat(accounts()).isEqualTo(before);
    }

    @Test
    void aWrongPasswordOrUnknownEmailIsUnauthorized() {
        String email = newEmail();
        api.post("/api/v1/auth/register", registration(email, "CLIENT"), null).expect(201);

        var wrongPassword = api.post("/api/v1/auth/login", Map.of("email", email, "password", "not the password"), null);
        var unknownEmail = api.post("/api/v1/auth/login", Map.of("email", newEmail(), "password", PASSWORD), null);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownEmail.json().get("detail"));
    }

    @Test
    void aPasswordIsCheckedWholeNotJustItsFirst72Bytes() {
        String email = newEmail();
        String password = "correct horse battery staple ".repeat(3).substring(0, 72);
        var registration = new java.util.HashMap<>(registration(email, "CLIENT"));
        registration.put("password", password);
        api.post("/api/v1/auth/register", registration, null).expect(201);

        api.post("/api/v1/auth/login", Map.of("email", email, "password", password), null).expect(200);
        var longer = api.post("/api/v1/auth/login", Map.of("email", email, "password", password + "anything"), null);
        assertThat(longer.status()).isEqualTo(401);
        assertThat(longer.json().get("code").asText()).isEqualTo("BAD_CREDENTIALS");
    }

    @Test
    void aRefreshTokenIsExchangedForANewPairAndStopsWorking() {
        var user = api.signUp("CLIENT");

        var rotated = api.post("/api/v1/auth/refresh", Map.of("refreshToken", user.refreshToken()), null).expect(200).json();
        String newRefresh = rotated.get("refreshToken").asText();
        assertThat(newRefresh).isNotEqualTo(user.refreshToken());
        api.get("/api/v1/me", rotated.get("accessToken").asText()).expect(200);

        api.post("/api/v1/auth/refresh", Map.of("refreshToken", newRefresh), null).expect(200);
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
        var user = api.signUp("WORKER");
        String successor = api.post("/api/v1/auth/refresh", Map.of("refreshToken", user.refreshToken()), null)
                .expect(200).json().get("refreshToken").asText();

        var reuse = api.post("/api/v1/auth/refresh", Map.of("refreshToken", user.refreshToken()), null);

        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.json().get("code").asText()).isEqualTo("INVALID_REFRESH_TOKEN");
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", successor), null).status())
                .as("the thief's or the owner's newest token is revoked too").isEqualTo(401);
    }

    @Test
    void reusingARotatedRefreshTokenRefusesTheFamilysAccessTokensAtOnce() {
        var user = api.signUp("WORKER");
        var otherLogin = api.logIn(user.email(), PASSWORD, user.id());
        String successorAccess = api.post("/api/v1/auth/refresh", Map.of("refreshToken", user.refreshToken()), null)
                .expect(200).json().get("accessToken").asText();
        api.get("/api/v1/me", user.accessToken()).expect(200);

        api.post("/api/v1/auth/refresh", Map.of("refreshToken", user.refreshToken()), null).expect(401);

        for (String familyToken : new String[]{user.accessToken(), successorAccess}) {
            var refused = api.get("/api/v1/me", familyToken);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().get("code").asText()).isEqualTo("TOKEN_REVOKED");
        }
        api.get("/api/v1/me", otherLogin.accessToken()).expect(200);
    }

    @Test
    void logoutRefusesEveryAccessTokenOfItsLogin() {
        var user = api.signUp("CLIENT");
        var rotated = api.post("/api/v1/auth/refresh", Map.of("refreshToken", user.refreshToken()), null).expect(200).json();
        var otherLogin = api.logIn(user.email(), PASSWORD, user.id());

        api.post("/api/v1/auth/logout", Map.of("refreshToken", rotated.get("refreshToken").asText()),
                rotated.get("accessToken").asText()).expect(204);

        var earlier = api.get("/api/v1/me", user.accessToken());
        assertThat(earlier.status()).as("an earlier access token of the same login").isEqualTo(401);
        assertThat(earlier.json().get("code").asText()).isEqualTo("TOKEN_REVOKED");
        api.get("/api/v1/me", otherLogin.accessToken()).expect(200);
    }

    @Test
    void anotherLoginIsNotAffectedByARevokedFamily() {
        var user = api.signUp("CLIENT");
        var secondLogin = api.logIn(user.email(), PASSWORD, user.id());
        api.post("/api/v1/auth/refresh", Map.of("refreshToken", user.refreshToken()), null).expect(200);
        api.post("/api/v1/auth/refresh", Map.of("refreshToken", user.refreshToken()), null).expect(401);

        api.post("/api/v1/auth/refresh", Map.of("refreshToken", secondLogin.refreshToken()), null).expect(200);
    }

    @Test
    void logoutEndsTheSessionOfItsRefreshToken() {
        var user = api.signUp("CLIENT");

        api.post("/api/v1/auth/logout", Map.of("refreshToken", user.refreshToken()), user.accessToken()).expect(204);

        api.post("/api/v1/auth/refresh", Map.of("refreshToken", user.refreshToken()), null).expect(401);
    }

    @Test
    void logoutCannotEndSomeoneElsesSession() {
        var victim = api.signUp("CLIENT");
        var attacker = api.signUp("CLIENT");

        api.post("/api/v1/auth/logout", Map.of("refreshToken", victim.refreshToken()), attacker.accessToken()).expect(204);

        api.post("/api/v1/auth/refresh", Map.of("refreshToken", victim.refreshToken()), null).expect(200);
    }

    @Test
    void logoutNeedsAnAccessToken() {
        var user = api.signUp("CLIENT");
        api.post("/api/v1/auth/logout", Map.of("refreshToken", user.refreshToken()), null).expect(401);
    }

    @Test
    void incompleteLoginAndLogoutRequestsAreBadRequests() {
        var user = api.signUp("CLIENT");
        var login = api.post("/api/v1/auth/login", Map.of("email", user.email()), null);
        assertThat(login.status()).isEqualTo(400);
        assertThat(login.json().get("errors").findValuesAsString("field")).containsExactly("password");
        assertThat(api.post("/api/v1/auth/login", "[]", null).status()).isEqualTo(400);
        var logout = api.post("/api/v1/auth/logout", Map.of("refreshToken", ""), user.accessToken());
        assertThat(logout.status()).isEqualTo(400);
        assertThat(logout.isProblem()).isTrue();
        api.post("/api/v1/auth/refresh", Map.of("refreshToken", user.refreshToken()), null).expect(200);
    }

    @Test
    void anUnknownRefreshTokenIsUnauthorized() {
        api.post("/api/v1/auth/refresh", Map.of("refreshToken", "made-up"), null).expect(401);
        api.post("/api/v1/auth/refresh", Map.of(), null).expect(400);
    }

    @Test
    void expiredForgedOrMissingAccessTokensAreUnauthorized() throws Exception {
        var user = api.signUp("CLIENT");

        String expired = sign(FreshStores.JWT_SECRET, user.id(), Instant.now().minusSeconds(3600));
        String forged = sign("an-attackers-own-secret-that-is-32-bytes-long", user.id(), Instant.now().plusSeconds(600));
        String tampered = user.accessToken().substring(0, user.accessToken().length() - 4) + "AAAA";

        for (String token : new String[]{expired, forged, tampered, "garbage"}) {
            var response = api.get("/api/v1/me", token);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
        assertThat(api.get("/api/v1/me", null).status()).isEqualTo(401);
        api.get("/api/v1/me", sign(FreshStores.JWT_SECRET, user.id(), Instant.now().plusSeconds(600))).expect(200);
    }

    @Test
    void validlySignedTokensWithoutExpiryOrIdAreRefused() throws Exception {
        var user = api.signUp("CLIENT");
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder().issuer("gigstream").subject(user.id()).claim("role", "CLIENT")
                .issueTime(Date.from(now));
        String noExpiry = sign(FreshStores.JWT_SECRET, claims.jwtID(UUID.randomUUID().toString()).build());
        String noId = sign(FreshStores.JWT_SECRET, claims.jwtID(null).expirationTime(Date.from(now.plusSeconds(600))).build());
        String blankId = sign(FreshStores.JWT_SECRET, claims.jwtID(" ").build());

        Map<String, String> tokens = Map.of("without exp", noExpiry, "without jti", noId, "with a blank jti", blankId);
        tokens.forEach((what, token) -> {
            var response = api.get("/api/v1/me", token);
            assertThat(response.status()).as(what).isEqualTo(401);
            assertThat(response.json().get("code").asText()).as(what).isEqualTo("UNAUTHENTICATED");
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        });
    }

    @Test
    void theAccountsCurrentRoleDecidesNotTheTokensClaim() throws Exception {
        var worker = api.signUp("WORKER");
        for (String claimed : new String[]{"ADMIN", "AUDITOR", "CLIENT"}) {
            String token = sign(FreshStores.JWT_SECRET, user(worker.id(), claimed).build());
            for (String adminOnly : new String[]{"/api/v1/admin/stats", "/api/v1/admin/suspensions",
                    "/api/v1/audit/aggregates/" + UUID.randomUUID() + "/events"}) {
                var response = api.get(adminOnly, token);
                assertThat(response.status()).as(claimed + " claimed for " + adminOnly).isEqualTo(403);
                assertThat(response.json().get("code").asText()).isEqualTo("FORBIDDEN");
            }
            api.get("/api/v1/workers/me/offers", token).expect(200);
        }
        String noRole = sign(FreshStores.JWT_SECRET, user(worker.id(), null).build());
        api.get("/api/v1/workers/me/offers", noRole).expect(200);

        var client = api.signUp("CLIENT");
        String stale = client.accessToken();
        jdbc.sql("UPDATE account SET role = 'WORKER' WHERE id = :id").param("id", client.id()).update();
        assertThat(api.get("/api/v1/me", stale).expect(200).json().get("role").asText()).isEqualTo("WORKER");
        api.get("/api/v1/workers/me/offers", stale).expect(200);
        var asClient = api.post("/api/v1/jobs", Map.of(), stale);
        assertThat(asClient.status()).as("a client's endpoint with the role changed to worker").isEqualTo(403);

        var unknown = api.get("/api/v1/me", sign(FreshStores.JWT_SECRET, user(UUID.randomUUID().toString(), "ADMIN").build()));
        assertThat(unknown.status()).as("a token of no account").isEqualTo(401);
        assertThat(unknown.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    private static JWTClaimsSet.Builder user(String subject, String role) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer("gigstream").subject(subject).claim("role", role)
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)));
    }

    @Test
    void adminAndAuditorAccountsComeFromTheEnvironment() {
        var admin = api.post("/api/v1/auth/login",
                Map.of("email", "admin@gigstream.test", "password", "admin password for tests"), null).expect(200).json();
        assertThat(api.get("/api/v1/me", admin.get("accessToken").asText()).expect(200).json().get("role").asText())
                .isEqualTo("ADMIN");

        var auditor = api.post("/api/v1/auth/login",
                Map.of("email", "auditor@gigstream.test", "password", "auditor password for tests"), null).expect(200).json();
        assertThat(api.get("/api/v1/me", auditor.get("accessToken").asText()).expect(200).json().get("role").asText())
                .isEqualTo("AUDITOR");

        var takeover = api.post("/api/v1/auth/register", registration("admin@gigstream.test", "CLIENT"), null);
        assertThat(takeover.status()).isEqualTo(409);
    }

    @Test
    void passwordsAreStoredAsAdaptiveHashes() {
        var user = api.signUp("CLIENT");
        String hash = jdbc.sql("SELECT password_hash FROM account WHERE id = :id").param("id", user.id())
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
    }

    private static String sign(String secret, String subject, Instant expiresAt) throws Exception {
        var claims = new JWTClaimsSet.Builder()
                .issuer("gigstream")
                .subject(subject)
                .claim("role", "CLIENT")
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(expiresAt.minusSeconds(900)))
                .expirationTime(Date.from(expiresAt))
                .build();
        return sign(secret, claims);
    }

    private static String sign(String secret, JWTClaimsSet claims) throws Exception {
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
