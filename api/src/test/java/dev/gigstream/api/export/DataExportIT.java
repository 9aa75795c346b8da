package dev.gigstream.api.export;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client and a worker go through a whole shift together (posted, applied, hired, paid through the
 * Paystack stand-in, checked in and out, confirmed, paid out, rated both ways) and an admin reads the
 * job's audit trail; each then exports their data over real HTTP: each export holds their whole story
 * and nothing that identifies the other (name, e-mail, phone, payout account, their comment), and the
 * export is rate limited and recorded.
 */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD,
        "gigstream.rate-limits.groups.data-export.requests=3"})
class DataExportIT {

    private static final String EXPORT = "/api/v1/me/data-export";

    @Autowired
    Api api;

    @Test
    void eachPartyExportsTheirWholeStoryAndNothingOfTheOther() {
        var market = new Marketplace(api);
        Person client = person("CLIENT", "Chiamaka Client");
        Person worker = person("WORKER", "Tunde Worker");
        String accountNumber = String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
        api.put("/api/v1/workers/me/profile", Map.of("skills", List.of("barista"), "bio", "Latte art since 2019",
                "home", Marketplace.SITE,
                "availability", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
                        .stream().map(day -> Map.of("dayOfWeek", day, "from", "00:00", "to", "24:00")).toList(),
                "payout", Map.of("bankCode", "058", "accountNumber", accountNumber, "accountName", worker.name() + " Savings")),
                worker.user().accessToken()).expect(200);

        String jobId = market.jobStartingSoon(client.user());
        var hire = new Marketplace.Hire(client.user(), worker.user(), jobId, market.hire(client.user(), worker.user(), jobId));
        market.completedShift(hire);
        String ratings = "/api/v1/jobs/" + jobId + "/ratings";
        api.post(ratings, Map.of("stars", 5, "comment", "Chiamaka's words about the shift"), client.user().accessToken())
                .expect(201);
        api.post(ratings, Map.of("stars", 4, "comment", "Tunde's words about the client"), worker.user().accessToken())
                .expect(201);
        market.awaitJson(ratings, worker.user().accessToken(), view -> view.get("revealed").asBoolean());
        market.awaitJson("/api/v1/notifications", client.user().accessToken(),
                inbox -> inbox.findValuesAsString("type").contains("rating.received"));
        market.awaitJson("/api/v1/notifications", worker.user().accessToken(),
                inbox -> inbox.findValuesAsString("type").contains("rating.received"));
        market.awaitJson("/api/v1/escrows/" + hire.escrowId(), client.user().accessToken(),
                escrow -> "RELEASED".equals(escrow.get("status").asText()));
        market.awaitJson("/api/v1/workers/" + worker.user().id(), worker.user().accessToken(),
                profile -> profile.get("completedJobs").asInt() == 1);
        api.get("/api/v1/audit/aggregates/" + jobId + "/state", market.admin().accessToken()).expect(200);
        api.post("/api/v1/me/devices", Map.of("platform", "ANDROID", "token", "cX1:APA91b-device_token_ends-a1b2c3"),
                client.user().accessToken()).expect(201);
        api.put("/api/v1/me/notification-preferences", Map.of("channels", Map.of("job.match", List.of("PUSH"))),
                client.user().accessToken()).expect(200);

        var clientExport = api.get(EXPORT, client.user().accessToken()).expect(200);
        JsonNode mine = clientExport.json();
        assertThat(mine.get("account").get("userId").asText()).isEqualTo(client.user().id());
        assertThat(mine.get("account").get("email").asText()).isEqualTo(client.user().email());
        assertThat(mine.get("account").get("fullName").asText()).isEqualTo(client.name());
        assertThat(mine.get("account").get("phone").asText()).isEqualTo(client.phone());
        assertThat(mine.get("account").get("phoneVerification").get("verified").asBoolean()).isFalse();
        assertThat(mine.get("account").get("phoneVerification").get("verifiedAt").isNull()).isTrue();
        assertThat(mine.get("account").get("role").asText()).isEqualTo("CLIENT");
        assertThat(mine.get("account").get("createdAt").isNull()).isFalse();
        assertThat(mine.get("worker").get("profile").isNull()).as("a client has no worker profile").isTrue();
        assertThat(mine.get("jobs").get("posted").findValuesAsString("jobId")).containsExactly(jobId);
        assertThat(mine.get("jobs").get("posted").get(0).get("description").asText()).isEqualTo("Espresso bar");
        assertThat(mine.get("jobs").get("posted").get(0).get("hiredWorkerId").asText()).isEqualTo(worker.user().id());
        assertThat(mine.get("jobs").get("hired")).isEmpty();
        assertThat(mine.get("payments").get("asClient").findValuesAsString("escrowId")).containsExactly(hire.escrowId());
        assertThat(mine.get("payments").get("asClient").get(0).get("ledger")).isNotEmpty();
        assertThat(mine.get("payments").get("asWorker")).isEmpty();
        assertThat(mine.get("ratings").get("given").get(0).get("comment").asText()).isEqualTo("Chiamaka's words about the shift");
        assertThat(mine.get("ratings").get("given").get(0).get("otherPartyId").asText()).isEqualTo(worker.user().id());
        assertThat(mine.get("ratings").get("received").get(0).get("stars").asInt()).isEqualTo(4);
        assertThat(mine.get("ratings").get("received").get(0).get("byRole").asText()).isEqualTo("WORKER");
        assertThat(mine.get("ratings").get("received").get(0).get("comment").isNull()).isTrue();
        assertThat(mine.get("notifications").get("items").findValuesAsString("type")).contains("rating.received");
        assertThat(mine.get("notifications").get("items").findValuesAsString("userId")).containsOnly(client.user().id());
        assertThat(mine.get("devices").findValuesAsString("tokenEnd")).as("the token by its end only").containsExactly("a1b2c3");
        assertThat(mine.get("devices").toString()).doesNotContain("APA91b");
        assertThat(mine.get("notificationPreferences").get("channels").get("job.match").toString()).isEqualTo("[\"PUSH\"]");
        assertThat(mine.get("auditReads").findValuesAsString("what")).as("the admin's read of the job's trail")
                .anyMatch(what -> what.contains(jobId));
        assertThat(clientExport.body()).doesNotContain(worker.name(), worker.user().email(), worker.phone(), accountNumber,
                "Latte art", "Tunde's words");

        var workerExport = api.get(EXPORT, worker.user().accessToken()).expect(200);
        JsonNode theirs = workerExport.json();
        assertThat(theirs.get("account").get("email").asText()).isEqualTo(worker.user().email());
        assertThat(theirs.get("account").get("fullName").asText()).isEqualTo(worker.name());
        assertThat(theirs.get("account").get("phone").asText()).isEqualTo(worker.phone());
        JsonNode profile = theirs.get("worker");
        assertThat(profile.get("profile").get("skills").get(0).asText()).isEqualTo("barista");
        assertThat(profile.get("profile").get("bio").asText()).isEqualTo("Latte art since 2019");
        assertThat(profile.get("profile").get("completedJobs").asInt()).isEqualTo(1);
        assertThat(profile.get("home").get("lat").asDouble()).isEqualTo(Marketplace.SITE.get("lat"));
        assertThat(profile.get("payout").get("bankCode").asText()).isEqualTo("058");
        assertThat(profile.get("payout").get("accountName").asText()).isEqualTo(worker.name() + " Savings");
        assertThat(profile.get("payout").get("maskedAccountNumber").asText())
                .endsWith(accountNumber.substring(accountNumber.length() - 4)).doesNotContain(accountNumber);
        assertThat(theirs.get("jobs").get("posted")).isEmpty();
        assertThat(theirs.get("jobs").get("hired").findValuesAsString("jobId")).containsExactly(jobId);
        assertThat(theirs.get("jobs").get("hired").get(0).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(theirs.get("jobs").get("hired").get(0).get("description").isNull())
                .as("the client's text").isTrue();
        assertThat(theirs.get("payments").get("asWorker").findValuesAsString("escrowId")).containsExactly(hire.escrowId());
        assertThat(theirs.get("ratings").get("given").get(0).get("comment").asText()).isEqualTo("Tunde's words about the client");
        assertThat(theirs.get("ratings").get("received").get(0).get("stars").asInt()).isEqualTo(5);
        assertThat(theirs.get("notifications").get("items").findValuesAsString("type")).contains("rating.received");
        assertThat(theirs.get("auditReads").findValuesAsString("what")).anyMatch(what -> what.contains(jobId));
        assertThat(workerExport.body()).doesNotContain(client.name(), client.user().email(), client.phone(), accountNumber,
                "Espresso bar", "Chiamaka's words");

        JsonNode again = api.get(EXPORT, worker.user().accessToken()).expect(200).json();
        assertThat(again.get("auditReads")).as("the first export is recorded and shows in the next")
                .anySatisfy(read -> {
                    assertThat(read.get("what").asText()).isEqualTo(EXPORT);
                    assertThat(read.get("readerId").asText()).isEqualTo(worker.user().id());
                    assertThat(read.get("at").asText()).isNotBlank();
                });
        assertThat(again.get("auditReads").findValuesAsString("readerId"))
                .as("the client's export is not a read of the worker's data").doesNotContain(client.user().id());

        api.get(EXPORT, worker.user().accessToken()).expect(200);
        var limited = api.get(EXPORT, worker.user().accessToken());
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        api.get(EXPORT, client.user().accessToken()).expect(200);
    }

    @Test
    void anExportNeedsAnAccessToken() {
        var anonymous = api.get(EXPORT, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    private Person person(String role, String name) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        String phone = "+23480" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Map<String, Object> registration = new java.util.LinkedHashMap<>(Api.registration(email, role));
        registration.put("fullName", name);
        registration.put("phone", phone);
        String id = api.post("/api/v1/auth/register", registration, null).expect(201).json().get("userId").asText();
        return new Person(api.logIn(email, Api.PASSWORD, id), name, phone);
    }

    private record Person(Api.User user, String name, String phone) {
    }
}
