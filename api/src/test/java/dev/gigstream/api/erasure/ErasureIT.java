package dev.gigstream.api.erasure;

import dev.gigstream.api.auth.AccountErasure;
import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The erasure endpoints over real HTTP, on the postgres profile with personal data encryption on. */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.personal-data.encryption=on",
        "gigstream.personal-data.master-key=" + ErasureIT.MASTER_KEY,
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD})
class ErasureIT {

    static final String MASTER_KEY = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq8M=";

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aWorkerErasesThemselvesAndCannotLogInAgain() {
        var market = new Marketplace(api);
        var worker = market.worker();
        var client = api.signUp("CLIENT");
        market.awaitJson("/api/v1/workers/" + worker.id(), client.accessToken(), json -> json.has("fullName"));
        api.post("/api/v1/me/devices", Map.of("platform", "IOS", "token", "e" + worker.id()), worker.accessToken()).expect(201);
        api.put("/api/v1/me/notification-preferences", Map.of("quietHours", Map.of("from", "22:00", "to", "07:00")),
                worker.accessToken()).expect(200);
        phoneVerificationRows(worker.id());

        api.post("/api/v1/me/erasure", null, worker.accessToken()).expect(202);

        // the read models at once, not at the next replay
        JsonNode profile = api.get("/api/v1/workers/" + worker.id(), client.accessToken()).expect(200).json();
        assertThat(profile.get("fullName").asText()).isEqualTo("[erased]");
        assertThat(jdbc.sql("SELECT email, full_name, phone FROM account WHERE id = :id").param("id", worker.id())
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)).single())
                .isEqualTo(AccountErasure.pseudonymousEmail(worker.id()) + "|[erased]|null");
        assertThat(jdbc.sql("""
                        SELECT (SELECT COUNT(*) FROM phone_verification_code WHERE account_id = :id)
                             + (SELECT COUNT(*) FROM phone_verification_send WHERE account_id = :id)
                             + (SELECT COUNT(*) FROM account WHERE id = :id AND phone_verified_at IS NOT NULL)""")
                .param("id", worker.id()).query(Long.class).single()).as("the phone verification's rows").isZero();
        assertThat(jdbc.sql("SELECT shredded_at IS NOT NULL FROM personal_key WHERE subject_id = :id").param("id", worker.id())
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT requested_by FROM erasure WHERE subject_id = :id").param("id", worker.id())
                .query(String.class).single()).isEqualTo(worker.id());
        for (String table : List.of("device", "notification_preferences", "websocket_presence")) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE user_id = :id").param("id", worker.id())
                    .query(Long.class).single()).as(table).isZero();
        }

        var withOldEmail = api.post("/api/v1/auth/login", Map.of("email", worker.email(), "password", Api.PASSWORD), null);
        assertThat(withOldEmail.status()).isEqualTo(401);
        assertThat(withOldEmail.json().get("code").asText()).isEqualTo("BAD_CREDENTIALS");
        var asErased = api.post("/api/v1/auth/login",
                Map.of("email", AccountErasure.pseudonymousEmail(worker.id()), "password", Api.PASSWORD), null);
        assertThat(asErased.status()).isEqualTo(403);
        assertThat(asErased.json().get("code").asText()).isEqualTo("ACCOUNT_ERASED");
        var refreshed = api.post("/api/v1/auth/refresh", Map.of("refreshToken", worker.refreshToken()), null);
        assertThat(refreshed.status()).isEqualTo(401);
        assertThat(refreshed.json().get("code").asText()).isEqualTo("INVALID_REFRESH_TOKEN");
        var withOldToken = api.get("/api/v1/me", worker.accessToken());
        assertThat(withOldToken.status()).isEqualTo(401);
        assertThat(withOldToken.json().get("code").asText()).isEqualTo("ACCOUNT_SUSPENDED");

        // the same e-mail can start afresh, as a new person
        api.post("/api/v1/auth/register", Api.registration(worker.email(), "WORKER"), null).expect(201);
    }

    @Test
    void anAdminErasesOnAVerifiedRequestWithItsReferenceAndAgainChangesNothing() {
        var market = new Marketplace(api);
        var admin = market.admin();
        var client = api.signUp("CLIENT");

        var noReference = api.post("/api/v1/admin/users/" + client.id() + "/erasure", Map.of(), admin.accessToken());
        assertThat(noReference.status()).isEqualTo(400);
        assertThat(noReference.json().get("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(noReference.body()).contains("reference");
        assertThat(api.get("/api/v1/me", client.accessToken()).status()).isEqualTo(200);

        api.post("/api/v1/admin/users/" + client.id() + "/erasure", Map.of("reference", "DSR-2026-0042"), admin.accessToken())
                .expect(202);
        String recorded = jdbc.sql("SELECT requested_by || ' ' || reference || ' ' || erased_at FROM erasure WHERE subject_id = :id")
                .param("id", client.id()).query(String.class).single();
        String adminId = api.get("/api/v1/me", admin.accessToken()).expect(200).json().get("userId").asText();
        assertThat(recorded).startsWith(adminId + " DSR-2026-0042 ");

        api.post("/api/v1/admin/users/" + client.id() + "/erasure", Map.of("reference", "DSR-2026-0043"), admin.accessToken())
                .expect(202);
        assertThat(jdbc.sql("SELECT requested_by || ' ' || reference || ' ' || erased_at FROM erasure WHERE subject_id = :id")
                .param("id", client.id()).query(String.class).single()).isEqualTo(recorded);

        var unknown = api.post("/api/v1/admin/users/no-such-user/erasure", Map.of("reference", "DSR-1"), admin.accessToken());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void onlyAdminsUseTheAdminErasureAndOnlyPeopleTheirOwn() {
        var market = new Marketplace(api);
        var worker = api.signUp("WORKER");
        var other = api.signUp("CLIENT");

        var anonymous = api.post("/api/v1/me/erasure", null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        var notAdmin = api.post("/api/v1/admin/users/" + other.id() + "/erasure", Map.of("reference", "DSR-1"), worker.accessToken());
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(notAdmin.json().get("code").asText()).isEqualTo("FORBIDDEN");
        var adminSelf = api.post("/api/v1/me/erasure", null, market.admin().accessToken());
        assertThat(adminSelf.status()).isEqualTo(403);
        assertThat(adminSelf.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(api.get("/api/v1/me", other.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void anOpenEscrowBlocksTheErasureOfBothPartiesAndSaysWhich() {
        var market = new Marketplace(api);
        var hire = market.hiredShift();

        for (Api.User party : new Api.User[]{hire.worker(), hire.client()}) {
            var blocked = await().atMost(Duration.ofSeconds(10))
                    .until(() -> api.post("/api/v1/me/erasure", null, party.accessToken()), r -> r.status() == 409);
            assertThat(blocked.json().get("code").asText()).isEqualTo("ERASURE_BLOCKED");
            assertThat(blocked.json().get("pending")).hasSize(1);
            assertThat(blocked.json().get("pending").get(0).get("kind").asText()).isEqualTo("OPEN_ESCROW");
            assertThat(blocked.json().get("pending").get(0).get("id").asText()).isEqualTo(hire.escrowId());
        }
        assertThat(api.get("/api/v1/me", hire.worker().accessToken()).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM erasure WHERE subject_id IN (:ids)")
                .param("ids", java.util.List.of(hire.worker().id(), hire.client().id())).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT erased_at IS NULL FROM account WHERE id = :id").param("id", hire.worker().id())
                .query(Boolean.class).single()).isTrue();
    }

    /** A verified number, a pending code and a code sent, as the phone verification keeps them. */
    private void phoneVerificationRows(String accountId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("UPDATE account SET phone_verified_at = :now WHERE id = :id").param("now", now).param("id", accountId).update();
        jdbc.sql("INSERT INTO phone_verification_code (account_id, code_hash, expires_at, tries) VALUES (:id, :hash, :at, 1)")
                .param("id", accountId).param("hash", "0".repeat(64)).param("at", now.plusMinutes(10)).update();
        jdbc.sql("INSERT INTO phone_verification_send (account_id, phone_hash, sent_at) VALUES (:id, :hash, :at)")
                .param("id", accountId).param("hash", "1".repeat(64)).param("at", now).update();
    }
}
