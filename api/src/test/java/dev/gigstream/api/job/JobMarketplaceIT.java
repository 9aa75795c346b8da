package dev.gigstream.api.job;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.worker.ExtendPremium;
import dev.gigstream.messages.worker.SuspendWorker;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The marketplace as clients and workers use it: post, find, apply, rank, hire, cancel. */
@PostgresIT
class JobMarketplaceIT {

    static final GeoPoint SITE = new GeoPoint(6.4541, 3.3947); // Lagos Island
    static final ZoneId LAGOS = ZoneId.of("Africa/Lagos");

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Api api;

    /** Tomorrow 10:00 to 18:00 in Lagos. */
    static Map<String, Object> shiftTomorrow() {
        var day = LocalDate.now(LAGOS).plusDays(1);
        return Map.of("start", day.atTime(10, 0).atZone(LAGOS).toInstant().toString(),
                "end", day.atTime(18, 0).atZone(LAGOS).toInstant().toString());
    }

    static Map<String, Object> job(List<String> skills, long amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Barista for a launch party");
        body.put("description", "Espresso bar for 200 guests");
        body.put("requiredSkills", skills);
        body.put("location", Map.of("lat", SITE.lat(), "lng", SITE.lng(), "address", "1 Marina, Lagos Island"));
        body.put("shift", shiftTomorrow());
        body.put("pay", Map.of("amount", amount, "currency", "NGN"));
        return body;
    }

    private String post(Api.User client, Map<String, Object> body) {
        var posted = api.post("/api/v1/jobs", body, client.accessToken()).expect(201);
        assertThat(posted.header("Location")).endsWith(posted.json().get("jobId").asText());
        return posted.json().get("jobId").asText();
    }

    private Api.User worker(GeoPoint home, List<String> skills, List<Map<String, String>> availability) {
        var worker = api.signUp("WORKER");
        api.put("/api/v1/workers/me/profile", Map.of("skills", skills,
                "home", Map.of("lat", home.lat(), "lng", home.lng()), "availability", availability), worker.accessToken())
                .expect(200);
        return worker;
    }

    private static List<Map<String, String>> everyDay() {
        return List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY").stream()
                .map(day -> Map.of("dayOfWeek", day, "from", "00:00", "to", "24:00")).toList();
    }

    private static GeoPoint kmNorth(double km) {
        return new GeoPoint(SITE.lat() + km / 111.19508, SITE.lng());
    }

    /** Jobs stored so far (their offers, which earlier jobs get on their own time, are not counted). */
    private long postedJobs() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE type = 'Job' AND payload_type LIKE '%.JobPosted'")
                .query(Long.class).single();
    }

    private JsonNode awaitJson(String path, String token, Predicate<JsonNode> until) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> api.get(path, token),
                response -> response.status() == 200 && until.test(response.json())).json();
    }

    @Test
    void theClientSeesExactlyTheEligibleApplicantsInRankOrder() {
        var client = api.signUp("CLIENT");
        String jobId = post(client, job(List.of("Barista"), 1_500_000));

        var premiumFar = worker(kmNorth(40), List.of("barista"), everyDay());
        commands.sendAndWait(new ExtendPremium(WorkerId.of(premiumFar.id()), Instant.now().plus(Duration.ofDays(30))));
        var onlineEarlier = worker(kmNorth(10), List.of("barista", "cook"), everyDay());
        // the next worker is online strictly later: wait until the clock has passed the first one's time
        Instant earlierOnline = Instant.parse(awaitJson("/api/v1/workers/" + onlineEarlier.id(), client.accessToken(),
                profile -> !profile.path("lastOnlineAt").isNull()).get("lastOnlineAt").asText());
        await().pollInterval(Duration.ofMillis(1)).until(() -> Instant.now().isAfter(earlierOnline));
        var onlineLater = worker(kmNorth(5), List.of("barista"), everyDay());
        var noSkill = worker(kmNorth(2), List.of("cook"), everyDay());
        var tooFar = worker(kmNorth(60), List.of("barista"), everyDay());
        var sundaysOnly = worker(kmNorth(3), List.of("barista"),
                List.of(Map.of("dayOfWeek", LocalDate.now(LAGOS).plusDays(1).getDayOfWeek().plus(1).name(),
                        "from", "00:00", "to", "24:00")));
        Map<Api.User, JsonNode> applied = new LinkedHashMap<>();
        for (var applicant : List.of(noSkill, onlineLater, tooFar, premiumFar, sundaysOnly, onlineEarlier)) {
            applied.put(applicant, api.post("/api/v1/jobs/" + jobId + "/applications", Map.of("note", "Available"),
                    applicant.accessToken()).expect(201).json());
        }

        // each answer says, by the ranking's own rule, whether the client will see the worker, and if not why
        for (var eligible : List.of(onlineLater, premiumFar, onlineEarlier)) {
            assertThat(applied.get(eligible).get("eligible").asBoolean()).as(applied.get(eligible).toString()).isTrue();
            assertThat(applied.get(eligible).get("reasons")).isEmpty();
        }
        assertThat(applied.get(premiumFar).get("distanceKm").asDouble()).isBetween(39.9, 40.1);
        assertThat(applied.get(noSkill).get("eligible").asBoolean()).isFalse();
        assertThat(reasons(applied.get(noSkill))).containsExactly("MISSING_SKILLS");
        assertThat(applied.get(noSkill).get("missingSkills").get(0).asText()).isEqualTo("barista");
        assertThat(applied.get(tooFar).get("eligible").asBoolean()).isFalse();
        assertThat(reasons(applied.get(tooFar))).containsExactly("TOO_FAR");
        assertThat(applied.get(tooFar).get("distanceKm").asDouble()).isBetween(59.9, 60.1);
        assertThat(applied.get(sundaysOnly).get("eligible").asBoolean()).isFalse();
        assertThat(reasons(applied.get(sundaysOnly))).containsExactly("NOT_AVAILABLE");

        JsonNode ranked = awaitJson("/api/v1/jobs/" + jobId + "/applicants", client.accessToken(),
                json -> json.get("items").size() == 3 && json.get("items").get(0).get("premium").asBoolean());

        assertThat(ranked.get("items").findValuesAsString("workerId")).as("applied (201) but not eligible: not listed")
                .containsExactly(premiumFar.id(), onlineLater.id(), onlineEarlier.id())
                .doesNotContain(noSkill.id(), tooFar.id(), sundaysOnly.id());
        JsonNode first = ranked.get("items").get(0);
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("distanceKm").asDouble()).isBetween(39.9, 40.1);
        assertThat(first.get("matchedSkills").get(0).asText()).isEqualTo("barista");
        assertThat(first.get("ratingAverage").isNull()).isTrue();
        assertThat(ranked.get("items").get(1).get("lastOnlineAt").asText())
                .isGreaterThan(ranked.get("items").get(2).get("lastOnlineAt").asText());
    }

    private static List<String> reasons(JsonNode applied) {
        List<String> reasons = new ArrayList<>();
        applied.get("reasons").forEach(reason -> reasons.add(reason.asText()));
        return reasons;
    }

    @Test
    void onlyTheJobsClientSeesItsApplicants() {
        var client = api.signUp("CLIENT");
        String jobId = post(client, job(List.of("cook"), 900_000));
        var otherClient = api.signUp("CLIENT");
        var worker = worker(kmNorth(1), List.of("cook"), everyDay());
        awaitJson("/api/v1/jobs/" + jobId + "/applicants", client.accessToken(), json -> true);

        assertThat(api.get("/api/v1/jobs/" + jobId + "/applicants", otherClient.accessToken()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/jobs/" + jobId + "/applicants", worker.accessToken()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/jobs/" + jobId + "/applicants", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/jobs/00000000-0000-0000-0000-000000000000/applicants", client.accessToken()).status())
                .isEqualTo(404);
    }

    @Test
    void workersCannotPostJobsAndClientsCannotApply() {
        var worker = worker(kmNorth(1), List.of("cook"), everyDay());
        var client = api.signUp("CLIENT");

        var refused = api.post("/api/v1/jobs", job(List.of("cook"), 900_000), worker.accessToken());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
        String jobId = post(client, job(List.of("cook"), 900_000));
        assertThat(api.post("/api/v1/jobs/" + jobId + "/applications", Map.of(), client.accessToken()).status())
                .isEqualTo(403);
    }

    @Test
    void aWorkerAppliesOnceAndOnlyWithAProfileAndWhileNotSuspended() {
        var client = api.signUp("CLIENT");
        String jobId = post(client, job(List.of("cook"), 900_000));
        var worker = worker(kmNorth(1), List.of("cook"), everyDay());

        api.post("/api/v1/jobs/" + jobId + "/applications", null, worker.accessToken()).expect(201);
        var again = api.post("/api/v1/jobs/" + jobId + "/applications", Map.of("note", "me again"), worker.accessToken());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("ALREADY_APPLIED");

        var noProfile = api.signUp("WORKER");
        var refused = api.post("/api/v1/jobs/" + jobId + "/applications", null, noProfile.accessToken());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("WORKER_HAS_NO_PROFILE");

        var suspended = worker(kmNorth(1), List.of("cook"), everyDay());
        commands.sendAndWait(new SuspendWorker(WorkerId.of(suspended.id()), "admin-1", "fake documents"));
        // the suspension stops the worker's access token before the Job refuses the application (WORKER_SUSPENDED)
        var whileSuspended = api.post("/api/v1/jobs/" + jobId + "/applications", null, suspended.accessToken());
        assertThat(whileSuspended.status()).isEqualTo(401);
        assertThat(whileSuspended.json().get("code").asText()).isEqualTo("ACCOUNT_SUSPENDED");

        api.send("DELETE", "/api/v1/jobs/" + jobId + "/applications/me", null, worker.accessToken(), Map.of()).expect(204);
        assertThat(api.send("DELETE", "/api/v1/jobs/" + jobId + "/applications/me", null, worker.accessToken(), Map.of())
                .status()).isEqualTo(409);
        assertThat(api.post("/api/v1/jobs/00000000-0000-0000-0000-000000000000/applications", null, worker.accessToken())
                .status()).isEqualTo(404);
    }

    @Test
    void badJobsAreRefusedNamingTheFieldAndNothingIsStored() {
        var client = api.signUp("CLIENT");
        long before = postedJobs();

        Map<String, Object> backwards = job(List.of("cook"), 900_000);
        var shift = shiftTomorrow();
        backwards.put("shift", Map.of("start", shift.get("end"), "end", shift.get("start")));
        Map<String, Object> past = job(List.of("cook"), 900_000);
        past.put("shift", Map.of("start", "2020-01-01T08:00:00Z", "end", "2020-01-01T16:00:00Z"));
        Map<String, Object> stringAmount = job(List.of("cook"), 900_000);
        stringAmount.put("pay", Map.of("amount", "900000", "currency", "NGN"));
        Map<String, Object> decimalAmount = job(List.of("cook"), 900_000);
        decimalAmount.put("pay", Map.of("amount", 9000.50, "currency", "NGN"));
        Map<String, Object> dollars = job(List.of("cook"), 900_000);
        dollars.put("pay", Map.of("amount", 900_000, "currency", "USD"));
        Map<String, Object> noSkills = job(List.of(), 900_000);
        Map<String, Object> badDate = job(List.of("cook"), 900_000);
        badDate.put("shift", Map.of("start", "tomorrow", "end", "2030-01-01T16:00:00Z"));

        Map<Map<String, Object>, String> cases = new LinkedHashMap<>();
        cases.put(job(List.of("cook"), -5), "pay.amount");
        cases.put(job(List.of("cook"), 0), "pay.amount");
        cases.put(backwards, "shift");
        cases.put(stringAmount, "pay.amount");
        cases.put(decimalAmount, "pay.amount");
        cases.put(dollars, "pay.currency");
        cases.put(noSkills, "requiredSkills");
        cases.put(badDate, "shift.start");
        cases.forEach((body, field) -> {
            var refused = api.post("/api/v1/jobs", body, client.accessToken());
            assertThat(refused.status()).as(field + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.json().get("errors").findValuesAsString("field")).as(refused.body()).contains(field);
        });
        var inThePast = api.post("/api/v1/jobs", past, client.accessToken());
        assertThat(inThePast.status()).isEqualTo(400);
        assertThat(inThePast.json().get("code").asText()).isEqualTo("SHIFT_IN_THE_PAST");
        Map<String, Object> addressAlone = job(List.of("cook"), 900_000);
        addressAlone.put("location", Map.of("address", "1 Marina, Lagos"));
        var notGeocoded = api.post("/api/v1/jobs", addressAlone, client.accessToken());
        assertThat(notGeocoded.status()).as("without a Google Maps key").isEqualTo(400);
        assertThat(notGeocoded.json().get("code").asText()).isEqualTo("COORDINATES_REQUIRED");
        assertThat(postedJobs())
                .isEqualTo(before);
    }

    @Test
    void theFeedFindsOpenJobsNearAPointAndAClientsOwnJobs() {
        var client = api.signUp("CLIENT");
        var worker = worker(kmNorth(1), List.of("welder"), everyDay());
        String near = post(client, job(List.of("welder"), 800_000));
        Map<String, Object> farAway = job(List.of("welder"), 800_000);
        farAway.put("location", Map.of("lat", 5.6037, "lng", -0.1870, "address", "Accra"));
        String far = post(client, farAway);

        JsonNode feed = awaitJson("/api/v1/jobs?skill=WELDER&lat=" + SITE.lat() + "&lng=" + SITE.lng() + "&radiusKm=25",
                worker.accessToken(), json -> json.get("total").asLong() == 1);
        JsonNode item = feed.get("items").get(0);
        assertThat(item.get("jobId").asText()).isEqualTo(near);
        assertThat(item.get("distanceKm").asDouble()).isZero();
        assertThat(item.get("location").get("address").asText()).isEqualTo("1 Marina, Lagos Island");
        assertThat(item.get("pay").get("amount").asLong()).isEqualTo(800_000);
        assertThat(item.get("status").asText()).isEqualTo("OPEN");

        JsonNode mine = awaitJson("/api/v1/jobs?mine=true", client.accessToken(), json -> json.get("total").asLong() == 2);
        assertThat(mine.get("items").findValuesAsString("jobId")).containsExactly(far, near);
        assertThat(mine.get("items").get(0).has("distanceKm")).isFalse();

        assertThat(api.get("/api/v1/jobs?mine=true", worker.accessToken()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/jobs?lat=6.45", worker.accessToken()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/jobs?size=101", worker.accessToken()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/jobs?radiusKm=-1&lat=6&lng=3", worker.accessToken()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/jobs?status=SOMETIMES", worker.accessToken()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/jobs?from=yesterday", worker.accessToken()).status()).isEqualTo(400);
    }

    @Test
    void hiringAndCancellingShowInTheJobsTimeline() {
        var client = api.signUp("CLIENT");
        var otherClient = api.signUp("CLIENT");
        var worker = worker(kmNorth(1), List.of("driver"), everyDay());
        var other = worker(kmNorth(1), List.of("driver"), everyDay());
        String jobId = post(client, job(List.of("driver"), 700_000));
        api.post("/api/v1/jobs/" + jobId + "/applications", null, worker.accessToken()).expect(201);

        assertThat(api.post("/api/v1/jobs/" + jobId + "/hire", Map.of("workerId", worker.id()), otherClient.accessToken())
                .status()).isEqualTo(403);
        assertThat(api.post("/api/v1/jobs/" + jobId + "/hire", Map.of("workerId", other.id()), client.accessToken())
                .status()).isEqualTo(409);
        assertThat(api.post("/api/v1/jobs/" + jobId + "/hire", Map.of(), client.accessToken()).status()).isEqualTo(400);
        var hired = api.post("/api/v1/jobs/" + jobId + "/hire", Map.of("workerId", worker.id()), client.accessToken());
        hired.expect(202);
        assertThat(hired.json().get("authorizationUrl").asText()).startsWith("https://checkout.paystack.com/");
        assertThat(hired.json().get("total").get("amount").asLong()).isEqualTo(770_000);
        assertThat(api.post("/api/v1/jobs/" + jobId + "/applications", null, other.accessToken()).status()).isEqualTo(409);

        assertThat(api.post("/api/v1/jobs/" + jobId + "/cancel", Map.of("reason", "mine"), otherClient.accessToken())
                .status()).isEqualTo(403);
        assertThat(api.post("/api/v1/jobs/" + jobId + "/cancel", Map.of(), client.accessToken()).status()).isEqualTo(400);
        api.post("/api/v1/jobs/" + jobId + "/cancel", Map.of("reason", "Event postponed"), client.accessToken()).expect(202);

        JsonNode details = awaitJson("/api/v1/jobs/" + jobId, worker.accessToken(),
                json -> "CANCELLED".equals(json.get("status").asText()));
        assertThat(details.get("hiredWorkerId").asText()).isEqualTo(worker.id());
        assertThat(details.get("timeline").findValuesAsString("status")).containsExactly("OPEN", "HIRED", "CANCELLED");
        assertThat(details.get("clientId").asText()).isEqualTo(client.id());
        assertThat(api.get("/api/v1/jobs/00000000-0000-0000-0000-000000000000", worker.accessToken()).status())
                .isEqualTo(404);
    }

    @Test
    void aPostedJobIsOfferedToTheWorkersWhoFitItAndWorkersAppearOnline() {
        var fits = worker(kmNorth(3), List.of("lifeguard"), everyDay());
        var doesNotFit = worker(kmNorth(3), List.of("plumber"), everyDay());
        var client = api.signUp("CLIENT");

        String jobId = post(client, job(List.of("lifeguard"), 600_000));

        JsonNode offers = awaitJson("/api/v1/workers/me/offers", fits.accessToken(), json -> !json.get("items").isEmpty());
        assertThat(offers.get("items").findValuesAsString("jobId")).as("offered from MongoDB without Redis")
                .containsExactly(jobId);
        JsonNode offer = offers.get("items").get(0);
        assertThat(offer.get("title").asText()).isEqualTo("Barista for a launch party");
        assertThat(offer.get("pay").get("amount").asLong()).isEqualTo(600_000);
        assertThat(offer.get("distanceKm").asDouble()).isEqualTo(3.0);
        assertThat(offer.get("expiresIn").asLong()).isBetween(14 * 60L, 15 * 60L);
        assertThat(api.get("/api/v1/workers/me/offers", doesNotFit.accessToken()).expect(200).json().get("items")).isEmpty();
        JsonNode profile = awaitJson("/api/v1/workers/" + fits.id(), client.accessToken(),
                json -> !json.get("lastOnlineAt").isNull());
        assertThat(Instant.parse(profile.get("lastOnlineAt").asText())).isAfter(Instant.now().minusSeconds(60));
    }
}
