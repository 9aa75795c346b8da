package dev.gigstream.api.hardening;

import dev.gigstream.api.hardening.OpenApiDocument.Operation;
import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.query.feed.JobFeedProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static dev.gigstream.api.testsupport.Marketplace.SITE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken object level authorization, endpoint by endpoint: two clients, two workers, an admin and an
 * auditor share a marketplace (hires, an escrow, a dispute, ratings, a notification, location shares,
 * a report), and every operation of the OpenAPI document that names an object in its path is called
 * by everyone who must not act on that object (refused 403 or 404 as a coded problem; strangers 401),
 * also with a body that is not JSON or lacks what it needs (the refusal comes first), then by everyone
 * who may (never 403). An operation without a rule here fails the test, so a new endpoint cannot go
 * unchecked.
 */
@HardeningIT
class ObjectLevelAuthorizationIT {

    private static final String ANONYMOUS = "anonymous";
    private static final Set<String> AUTHENTICATED = Set.of("clientA", "clientB", "workerA", "workerB", "admin", "auditor");
    private static final Set<String> ADMIN = Set.of("admin");

    /**
     * Who may act on an operation's object: {@code path} fills in the fixture's ids, {@code body} is a
     * request the rightful caller could send.
     */
    private record Rule(Function<Fixture, String> path, Object body, Set<String> allowed) {
    }

    /** The objects of the marketplace, owned by the A side unless named otherwise. */
    private record Fixture(String jobA, String escrowA, String referenceA, String disputeA, String shareA, String tokenA,
                           String doneJobA, String openJobA, String notificationA, String reportId, String jobB,
                           String shareB, String victimId, String workerA, String erasedId, String deviceA) {
    }

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        Set<String> jobParties = Set.of("clientA", "workerA");
        Set<String> partiesAndStaff = Set.of("clientA", "workerA", "admin", "auditor");
        Set<String> workers = Set.of("workerA", "workerB");
        rule("GET /api/v1/jobs/{jobId}", f -> "/api/v1/jobs/" + f.jobA(), null, AUTHENTICATED);
        rule("GET /api/v1/jobs/{jobId}/applicants", f -> "/api/v1/jobs/" + f.openJobA() + "/applicants", null, Set.of("clientA"));
        rule("POST /api/v1/jobs/{jobId}/applications", f -> "/api/v1/jobs/" + f.openJobA() + "/applications", null, workers);
        rule("DELETE /api/v1/jobs/{jobId}/applications/me", f -> "/api/v1/jobs/" + f.openJobA() + "/applications/me", null, workers);
        rule("POST /api/v1/jobs/{jobId}/hire", f -> "/api/v1/jobs/" + f.openJobA() + "/hire",
                Map.of("workerId", "{workerA}"), Set.of("clientA"));
        rule("POST /api/v1/jobs/{jobId}/cancel", f -> "/api/v1/jobs/" + f.openJobA() + "/cancel",
                Map.of("reason", "Plans changed"), Set.of("clientA"));
        rule("POST /api/v1/jobs/{jobId}/check-in", f -> "/api/v1/jobs/" + f.jobA() + "/check-in", Map.of("location", SITE), Set.of("workerA"));
        rule("POST /api/v1/jobs/{jobId}/check-out", f -> "/api/v1/jobs/" + f.jobA() + "/check-out", Map.of("location", SITE), Set.of("workerA"));
        rule("POST /api/v1/jobs/{jobId}/confirm", f -> "/api/v1/jobs/" + f.jobA() + "/confirm", null, Set.of("clientA"));
        rule("POST /api/v1/jobs/{jobId}/no-show", f -> "/api/v1/jobs/" + f.jobA() + "/no-show", null, Set.of("clientA"));
        rule("GET /api/v1/jobs/{jobId}/ratings", f -> "/api/v1/jobs/" + f.doneJobA() + "/ratings", null, Set.of("clientA", "workerA", "admin"));
        rule("POST /api/v1/jobs/{jobId}/ratings", f -> "/api/v1/jobs/" + f.doneJobA() + "/ratings", Map.of("stars", 4), jobParties);
        rule("POST /api/v1/jobs/{jobId}/location", f -> "/api/v1/jobs/" + f.jobA() + "/location", SITE, Set.of("workerA"));
        rule("GET /api/v1/jobs/{jobId}/location", f -> "/api/v1/jobs/" + f.jobA() + "/location", null, Set.of("clientA", "workerA", "admin"));
        rule("POST /api/v1/jobs/{jobId}/location-shares", f -> "/api/v1/jobs/" + f.jobA() + "/location-shares",
                Map.of("hours", 1), Set.of("workerA"));
        rule("DELETE /api/v1/jobs/{jobId}/location-shares/{shareId}",
                f -> "/api/v1/jobs/" + f.jobA() + "/location-shares/" + f.shareA(), null, Set.of("workerA"));
        rule("GET /api/v1/location-shares/{token}", f -> "/api/v1/location-shares/" + f.tokenA(), null, everyone());
        rule("POST /api/v1/jobs/{jobId}/disputes", f -> "/api/v1/jobs/" + f.jobA() + "/disputes",
                Map.of("reason", "Left early", "details", "Gone by noon"), jobParties);
        rule("GET /api/v1/disputes/{disputeId}", f -> "/api/v1/disputes/" + f.disputeA(), null, partiesAndStaff);
        rule("POST /api/v1/disputes/{disputeId}/evidence", f -> "/api/v1/disputes/" + f.disputeA() + "/evidence",
                Map.of("text", "A photo of the bar"), jobParties);
        rule("POST /api/v1/disputes/{disputeId}/withdraw", f -> "/api/v1/disputes/" + f.disputeA() + "/withdraw", null, Set.of("clientA"));
        rule("POST /api/v1/admin/disputes/{disputeId}/resolve", f -> "/api/v1/admin/disputes/" + f.disputeA() + "/resolve",
                Map.of("outcome", "REFUND_TO_CLIENT", "note", "Refunded"), ADMIN);
        rule("GET /api/v1/escrows/{escrowId}", f -> "/api/v1/escrows/" + f.escrowA(), null, partiesAndStaff);
        rule("GET /api/v1/payments/{reference}/verify", f -> "/api/v1/payments/" + f.referenceA() + "/verify", null, Set.of("clientA"));
        rule("POST /api/v1/admin/escrows/{escrowId}/retry-payout", f -> "/api/v1/admin/escrows/" + f.escrowA() + "/retry-payout", null, ADMIN);
        rule("POST /api/v1/notifications/{notificationId}/read", f -> "/api/v1/notifications/" + f.notificationA() + "/read",
                null, Set.of("workerA"));
        rule("GET /api/v1/workers/{workerId}", f -> "/api/v1/workers/" + f.workerA(), null, AUTHENTICATED);
        rule("GET /api/v1/users/{userId}/ratings", f -> "/api/v1/users/" + f.workerA() + "/ratings", null, AUTHENTICATED);
        rule("POST /api/v1/admin/users/{userId}/suspend", f -> "/api/v1/admin/users/" + f.victimId() + "/suspend",
                Map.of("reason", "Fraud"), ADMIN);
        rule("POST /api/v1/admin/users/{userId}/reinstate", f -> "/api/v1/admin/users/" + f.victimId() + "/reinstate",
                Map.of("reason", "Cleared"), ADMIN);
        rule("POST /api/v1/admin/users/{userId}/erasure", f -> "/api/v1/admin/users/" + f.erasedId() + "/erasure",
                Map.of("reference", "Letter 2026/114"), ADMIN);
        rule("DELETE /api/v1/me/devices/{token}", f -> "/api/v1/me/devices/" + f.deviceA(), null, Set.of("workerA"));
        rule("POST /api/v1/admin/reports/{reportId}/close", f -> "/api/v1/admin/reports/" + f.reportId() + "/close",
                Map.of("note", "Handled"), ADMIN);
        rule("POST /api/v1/admin/compliance/flags/{flagId}/acknowledge",
                f -> "/api/v1/admin/compliance/flags/" + UUID.randomUUID() + "/acknowledge", Map.of("note", "Seen"), ADMIN);
        rule("GET /api/v1/audit/aggregates/{aggregateId}/events", f -> "/api/v1/audit/aggregates/" + f.jobA() + "/events",
                null, Set.of("admin", "auditor"));
        rule("GET /api/v1/audit/aggregates/{aggregateId}/state", f -> "/api/v1/audit/aggregates/" + f.jobA() + "/state",
                null, Set.of("admin", "auditor"));
        rule("POST /api/v1/admin/dead-letters/{projection}/retry",
                f -> "/api/v1/admin/dead-letters/" + JobFeedProjection.NAME + "/retry", null, ADMIN);
        rule("POST /api/v1/admin/projections/{name}/replay",
                f -> "/api/v1/admin/projections/" + JobFeedProjection.NAME + "/replay", null, ADMIN);
    }

    private static void rule(String operation, Function<Fixture, String> path, Object body, Set<String> allowed) {
        RULES.put(operation, new Rule(path, body, allowed));
    }

    private static Set<String> everyone() {
        Set<String> all = new java.util.HashSet<>(AUTHENTICATED);
        all.add(ANONYMOUS);
        return Set.copyOf(all);
    }

    @Autowired
    Api api;

    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, Integer> statuses = new java.util.TreeMap<>();

    @Test
    void nobodyActsOnAnotherUsersObjectsAndTheRightfulUsersAreLetThrough() {
        OpenApiDocument document = OpenApiDocument.of(api);
        AnswerConformance conformance = new AnswerConformance(document);
        List<Operation> idBearing = document.operations().stream()
                .filter(operation -> !operation.pathParameters().isEmpty())
                .toList();
        assertThat(idBearing.stream().map(Operation::key).filter(key -> !RULES.containsKey(key)).toList())
                .as("operations with an id in their path but no rule here: say who may act on their object")
                .isEmpty();
        Fixture fixture = marketplace();

        List<String> failures = new ArrayList<>();
        int refusals = 0;
        for (Operation operation : idBearing) {
            Rule rule = RULES.get(operation.key());
            for (String caller : tokens.keySet()) {
                if (!rule.allowed().contains(caller)) {
                    expectRefused(operation.method(), rule.path().apply(fixture), body(rule, fixture), caller, failures);
                    refusals++;
                }
            }
        }
        for (Operation operation : idBearing) { // who may act comes before what the body holds
            Rule rule = RULES.get(operation.key());
            for (String caller : AUTHENTICATED) {
                if (rule.body() != null && !rule.allowed().contains(caller)) {
                    expectRefused(operation.method(), rule.path().apply(fixture), "{not json", caller, failures);
                    expectRefused(operation.method(), rule.path().apply(fixture), Map.of(), caller, failures);
                    refusals += 2;
                }
            }
        }
        expectRefused("DELETE", "/api/v1/jobs/" + fixture.jobB() + "/location-shares/" + fixture.shareA(), null, "workerB", failures);
        expectRefused("DELETE", "/api/v1/jobs/" + fixture.jobA() + "/location-shares/" + fixture.shareB(), null, "workerA", failures);
        assertThat(api.get("/api/v1/location-shares/" + fixture.tokenA(), null).status())
                .as("A's share still works after everyone else tried to end it").isEqualTo(200);
        assertThat(api.get("/api/v1/notifications", tokens.get("workerB")).expect(200).json().findValuesAsString("id"))
                .as("another worker's inbox").doesNotContain(fixture.notificationA());
        assertThat(api.get("/api/v1/jobs?mine=true", tokens.get("clientB")).expect(200).json().findValuesAsString("jobId"))
                .as("another client's own jobs").doesNotContain(fixture.jobA(), fixture.openJobA(), fixture.doneJobA());

        int admitted = 0;
        for (Operation operation : rightfulOrder(idBearing)) {
            Rule rule = RULES.get(operation.key());
            for (String caller : rule.allowed()) {
                var answer = api.send(operation.method(), rule.path().apply(fixture), body(rule, fixture), tokens.get(caller), Map.of());
                statuses.merge("rightful " + answer.status(), 1, Integer::sum);
                if (answer.status() == 401 || answer.status() == 403 || answer.status() >= 500) {
                    failures.add("%s as %s (may act on it): %d %s".formatted(operation.key(), caller, answer.status(),
                            MalformedRequests.abbreviate(answer.body())));
                }
                if (answer.status() < 300) {
                    conformance.violations(operation, answer.status(), answer.header("Content-Type"), answer.body())
                            .forEach(violation -> failures.add("%s as %s: the answer is not what the OpenAPI document says: %s"
                                    .formatted(operation.key(), caller, violation)));
                }
                admitted++;
            }
        }
        System.out.printf("Object level authorization: %d operations, %d refusals and %d rightful calls checked: %s%n",
                idBearing.size(), refusals + 2, admitted, statuses);
        assertThat(failures).as("object level authorization failures").isEmpty();
    }

    /**
     * Who worked for whom, through which escrow and dispute, is for the job's parties and staff: anyone
     * else reads a job as the feed shows it, and the feed lists others' jobs only while they are OPEN.
     */
    @Test
    void whoWorkedForWhomIsShownToTheJobsPartiesAndStaffOnly() {
        var market = new Marketplace(api);
        var clientA = api.signUp("CLIENT");
        var workerA = market.worker();
        var done = market.hire(clientA, workerA);
        market.completedShift(done);
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("client owner", clientA.accessToken());
        callers.put("hired worker", workerA.accessToken());
        callers.put("admin", market.admin().accessToken());
        callers.put("auditor", api.logIn(HardeningIT.AUDITOR_EMAIL, HardeningIT.AUDITOR_PASSWORD, null).accessToken());
        callers.put("other client", api.signUp("CLIENT").accessToken());
        callers.put("other worker", market.worker().accessToken());
        Set<String> seeItWhole = Set.of("client owner", "hired worker", "admin", "auditor");

        List<String> failures = new ArrayList<>();
        callers.forEach((who, token) -> {
            JsonNode job = api.get("/api/v1/jobs/" + done.jobId(), token).expect(200).json();
            boolean whole = seeItWhole.contains(who);
            if (whole != workerA.id().equals(job.path("hiredWorkerId").asText(null))) {
                failures.add(who + " sees hiredWorkerId " + job.path("hiredWorkerId"));
            }
            if (whole != job.hasNonNull("escrowId")) {
                failures.add(who + " sees escrowId " + job.path("escrowId"));
            }
            if (whole != (job.path("timeline").size() > 1) || whole != job.hasNonNull("checkedInAt")) {
                failures.add(who + " sees the timeline " + job.path("timeline") + " and checkedInAt " + job.path("checkedInAt"));
            }
            if (!job.path("status").asText().equals("COMPLETED") || !job.path("clientId").asText().equals(clientA.id())) {
                failures.add(who + " does not see what the feed shows: " + job);
            }
            var completed = api.get("/api/v1/jobs?status=COMPLETED&size=100", token);
            boolean staff = who.equals("admin") || who.equals("auditor");
            if (staff ? completed.status() != 200 || !completed.json().findValuesAsString("jobId").contains(done.jobId())
                    : completed.status() != 403 || !completed.json().path("code").asText().equals("FORBIDDEN")) {
                failures.add(who + " lists COMPLETED jobs: " + completed.status() + " "
                        + MalformedRequests.abbreviate(completed.body()));
            }
        });
        assertThat(api.get("/api/v1/jobs?mine=true&status=COMPLETED", clientA.accessToken()).expect(200).json()
                .findValuesAsString("jobId")).as("a client's own completed jobs").contains(done.jobId());
        assertThat(failures).isEmpty();
    }

    private void expectRefused(String method, String path, Object body, String caller, List<String> failures) {
        var answer = api.send(method, path, body, tokens.get(caller), Map.of());
        statuses.merge("refused " + answer.status(), 1, Integer::sum);
        boolean anonymous = caller.equals(ANONYMOUS);
        boolean refused = anonymous ? answer.status() == 401 : answer.status() == 403 || answer.status() == 404;
        boolean coded = answer.isProblem() && answer.json().path("code").isTextual();
        if (!refused || !coded) {
            failures.add("%s %s as %s (must be refused %s): %d %s".formatted(method, path, caller,
                    anonymous ? "401" : "403/404", answer.status(), MalformedRequests.abbreviate(answer.body())));
        }
    }

    /** Reads first, then changes; replaying a projection last, as it empties a read model for a while. */
    private static List<Operation> rightfulOrder(List<Operation> operations) {
        return operations.stream()
                .sorted(Comparator.comparing((Operation operation) -> operation.path().contains("/replay"))
                        .thenComparing(operation -> !operation.method().equals("GET")))
                .toList();
    }

    private static Object body(Rule rule, Fixture fixture) {
        if (rule.body() instanceof Map<?, ?> map && "{workerA}".equals(map.get("workerId"))) {
            return Map.of("workerId", fixture.workerA());
        }
        return rule.body();
    }

    /** Side A: a funded hire under way and disputed, a completed and rated one, an open job applied to. Side B: a funded hire under way. */
    private Fixture marketplace() {
        var market = new Marketplace(api);
        var clientA = api.signUp("CLIENT");
        var clientB = api.signUp("CLIENT");
        var workerA = market.worker();
        var workerB = market.worker();
        tokens.put("clientA", clientA.accessToken());
        tokens.put("clientB", clientB.accessToken());
        tokens.put("workerA", workerA.accessToken());
        tokens.put("workerB", workerB.accessToken());
        tokens.put("admin", market.admin().accessToken());
        tokens.put("auditor", api.logIn(HardeningIT.AUDITOR_EMAIL, HardeningIT.AUDITOR_PASSWORD, null).accessToken());
        tokens.put(ANONYMOUS, null);

        var done = market.hire(clientA, workerA);
        market.completedShift(done);
        String ratings = "/api/v1/jobs/" + done.jobId() + "/ratings";
        api.post(ratings, Map.of("stars", 5), clientA.accessToken()).expect(201);
        api.post(ratings, Map.of("stars", 4), workerA.accessToken()).expect(201);

        var hireA = market.hire(clientA, workerA);
        var hireB = market.hire(clientB, workerB);
        String shareA = underWay(market, hireA);
        String shareB = underWay(market, hireB);
        String disputeA = api.post("/api/v1/jobs/" + hireA.jobId() + "/disputes",
                Map.of("reason", "Left early", "details", "The bar was unattended at noon"), clientA.accessToken())
                .expect(201).json().get("disputeId").asText();
        market.awaitJson("/api/v1/disputes/" + disputeA, clientA.accessToken(), dispute -> true);

        String openJobA = market.jobStartingSoon(clientA);
        api.post("/api/v1/jobs/" + openJobA + "/applications", null, workerA.accessToken()).expect(201);
        market.awaitJson("/api/v1/jobs/" + openJobA + "/applicants", clientA.accessToken(), view -> !view.get("items").isEmpty());

        String reportId = api.post("/api/v1/reports", Map.of("subjectType", "USER", "subjectId", workerB.id(),
                "reason", "Rude on the phone"), clientA.accessToken()).expect(201).json().get("reportId").asText();
        JsonNode inbox = market.awaitJson("/api/v1/notifications", workerA.accessToken(), view -> !view.findValues("id").isEmpty());
        String victim = api.signUp("WORKER").id();
        String deviceA = "d" + UUID.randomUUID().toString().substring(0, 8) + ":APA91b-" + UUID.randomUUID();
        api.post("/api/v1/me/devices", Map.of("platform", "ANDROID", "token", deviceA), workerA.accessToken()).expect(201);
        return new Fixture(hireA.jobId(), hireA.escrowId(), hireA.reference(), disputeA, shareA.split(" ")[0],
                shareA.split(" ")[1], done.jobId(), openJobA, inbox.findValuesAsString("id").get(0), reportId, hireB.jobId(),
                shareB.split(" ")[0], victim, workerA.id(), api.signUp("WORKER").id(), deviceA);
    }

    /** Pays for the hire, checks the worker in, pings and shares the location; returns "shareId token". */
    private String underWay(Marketplace market, Marketplace.Hire hire) {
        market.payByWebhook(hire.answer(), hire.client(), hire.jobId());
        api.post("/api/v1/jobs/" + hire.jobId() + "/check-in", Map.of("location", SITE), hire.worker().accessToken()).expect(202);
        api.post("/api/v1/jobs/" + hire.jobId() + "/location", SITE, hire.worker().accessToken()).expect(202);
        JsonNode share = api.post("/api/v1/jobs/" + hire.jobId() + "/location-shares", Map.of("hours", 1),
                hire.worker().accessToken()).expect(201).json();
        return share.get("shareId").asText() + " " + share.get("token").asText();
    }
}
