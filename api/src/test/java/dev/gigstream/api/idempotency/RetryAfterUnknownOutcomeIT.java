package dev.gigstream.api.idempotency;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.messages.dispute.AddEvidence;
import dev.gigstream.messages.dispute.OpenDispute;
import dev.gigstream.messages.job.ApplyToJob;
import dev.gigstream.messages.job.PostJob;
import dev.gigstream.messages.rating.RateJob;
import dev.gigstream.messages.worker.RegisterWorker;
import org.axonframework.axonserver.connector.command.AxonServerCommandDispatchException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A creating {@code POST} whose command was stored but whose answer was lost (503
 * {@code COMMAND_OUTCOME_UNKNOWN}: the handling instance died or its connection broke) is safe to retry
 * with its {@code Idempotency-Key}: the retry answers 201 with the ids the first would have answered, and
 * the thing was created once. The lost answer is simulated as the Axon Server connector would hand it to
 * the sender: the command is handled and stored (by another thread, standing for the other instance), and
 * the sender gets the connector's dispatch failure.
 */
@PostgresIT
class RetryAfterUnknownOutcomeIT {

    private static final String JOBS = "/api/v1/jobs";
    private static final Instant START = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);

    @Autowired
    Api api;

    @Autowired
    CommandBus commandBus;

    @Autowired
    CommandGateway commandGateway;

    @Autowired
    JdbcClient jdbc;

    private Registration lostAnswer;

    @AfterEach
    void heal() {
        if (lostAnswer != null) {
            lostAnswer.cancel();
        }
    }

    @Test
    void aJobPostingRetriedAfterAnUnknownOutcomeAnswersItsJobAndPostsItOnce() {
        Api.User client = api.signUp("CLIENT");
        List<PostJob> handled = loseTheFirstAnswer(PostJob.class, command -> command.clientId().equals(client.id()));
        String key = UUID.randomUUID().toString();

        assertOutcomeUnknown(post(JOBS, job(), client, key));
        Api.Response retry = post(JOBS, job(), client, key);

        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        String stored = handled.get(0).jobId().value();
        assertThat(retry.json().get("jobId").asText()).as("the job the first attempt stored").isEqualTo(stored);
        assertThat(retry.header("Location")).isEqualTo(JOBS + "/" + stored);
        assertThat(eventsOf("JobPosted", ids(handled, PostJob::jobId))).as("jobs posted").isEqualTo(1);
    }

    @Test
    void evidenceRetriedAfterAnUnknownOutcomeIsAddedOnce() {
        Marketplace market = new Marketplace(api);
        Marketplace.Hire hire = market.hiredShift();
        market.payByWebhook(hire.answer(), hire.client(), hire.jobId());
        String disputeId = api.post(JOBS + "/" + hire.jobId() + "/disputes",
                Map.of("reason", "no show", "details", "Nobody came"), hire.client().accessToken())
                .expect(201).json().get("disputeId").asText();
        List<AddEvidence> handled = loseTheFirstAnswer(AddEvidence.class, command -> command.disputeId().value().equals(disputeId));
        String evidence = "/api/v1/disputes/" + disputeId + "/evidence";
        String key = UUID.randomUUID().toString();

        assertOutcomeUnknown(post(evidence, Map.of("text", "Photo of the empty bar"), hire.client(), key));
        Api.Response retry = post(evidence, Map.of("text", "Photo of the empty bar"), hire.client(), key);

        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.json().get("disputeId").asText()).isEqualTo(disputeId);
        assertThat(eventsOf("EvidenceAdded", Set.of(disputeId))).as("pieces of evidence added").isEqualTo(1);
        assertThat(retry.json().path("evidenceId").asText(null)).as("the evidence's id").isNotBlank();
    }

    @Test
    void aDisputeRetriedAfterAnUnknownOutcomeAnswersItsDisputeAndOpensItOnce() {
        Marketplace market = new Marketplace(api);
        Marketplace.Hire hire = market.hiredShift();
        market.payByWebhook(hire.answer(), hire.client(), hire.jobId());
        List<OpenDispute> handled = loseTheFirstAnswer(OpenDispute.class, command -> command.jobId().value().equals(hire.jobId()));
        String disputes = JOBS + "/" + hire.jobId() + "/disputes";
        Map<String, String> complaint = Map.of("reason", "no show", "details", "Nobody came");
        String key = UUID.randomUUID().toString();

        assertOutcomeUnknown(post(disputes, complaint, hire.client(), key));
        Api.Response retry = post(disputes, complaint, hire.client(), key);

        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        String stored = handled.get(0).disputeId().value();
        assertThat(retry.json().get("disputeId").asText()).as("the dispute the first attempt opened").isEqualTo(stored);
        assertThat(retry.header("Location")).isEqualTo("/api/v1/disputes/" + stored);
        assertThat(eventsOf("DisputeOpened", ids(handled, OpenDispute::disputeId))).as("disputes opened").isEqualTo(1);
    }

    @Test
    void anApplicationRetriedAfterAnUnknownOutcomeAnswers201AndAppliesOnce() {
        Marketplace market = new Marketplace(api);
        Api.User worker = market.worker();
        String jobId = market.jobStartingSoon(api.signUp("CLIENT"));
        loseTheFirstAnswer(ApplyToJob.class, command -> command.jobId().value().equals(jobId));
        String applications = JOBS + "/" + jobId + "/applications";
        String key = UUID.randomUUID().toString();

        assertOutcomeUnknown(post(applications, Map.of("note", "Five years behind a bar"), worker, key));
        Api.Response retry = post(applications, Map.of("note", "Five years behind a bar"), worker, key);

        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.json().get("jobId").asText()).isEqualTo(jobId);
        assertThat(retry.json().get("workerId").asText()).isEqualTo(worker.id());
        assertThat(eventsOf("WorkerApplied", Set.of(jobId))).as("applications").isEqualTo(1);
    }

    @Test
    void aRatingRetriedAfterAnUnknownOutcomeAnswers201AndRatesOnce() {
        Marketplace market = new Marketplace(api);
        Marketplace.Hire hire = market.hiredShift();
        market.completedShift(hire);
        List<RateJob> handled = loseTheFirstAnswer(RateJob.class, command -> command.jobId().value().equals(hire.jobId()));
        String ratings = JOBS + "/" + hire.jobId() + "/ratings";
        String key = UUID.randomUUID().toString();

        assertOutcomeUnknown(post(ratings, Map.of("stars", 5, "comment", "On time"), hire.client(), key));
        Api.Response retry = post(ratings, Map.of("stars", 5, "comment", "On time"), hire.client(), key);

        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.json().get("stars").asInt()).isEqualTo(5);
        assertThat(eventsOf("RatingGiven", ids(handled, RateJob::ratingsId))).as("ratings given").isEqualTo(1);
    }

    @Test
    void aWorkersSignUpRetriedAfterAnUnknownOutcomeAnswersItsAccountAndRegistersItOnce() {
        String fullName = "Ada " + UUID.randomUUID();
        Map<String, Object> registration = Api.registration("retry-" + UUID.randomUUID() + "@example.com", "WORKER");
        registration.put("fullName", fullName);
        List<RegisterWorker> handled = loseTheFirstAnswer(RegisterWorker.class, command -> command.fullName().equals(fullName));
        String key = UUID.randomUUID().toString();

        assertOutcomeUnknown(api.send("POST", "/api/v1/auth/register", registration, null, Map.of("Idempotency-Key", key)));
        Api.Response retry = api.send("POST", "/api/v1/auth/register", registration, null, Map.of("Idempotency-Key", key));

        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        String stored = handled.get(0).workerId().value();
        assertThat(retry.json().get("userId").asText()).as("the worker the first attempt registered").isEqualTo(stored);
        assertThat(eventsOf("WorkerRegistered", ids(handled, RegisterWorker::workerId))).as("workers registered")
                .isEqualTo(1);
        api.logIn((String) registration.get("email"), Api.PASSWORD, stored);
    }

    @Test
    void aRetryWithAnotherBodyAfterAnUnknownOutcomeIsStillRefusedAsAReusedKey() {
        Api.User client = api.signUp("CLIENT");
        loseTheFirstAnswer(PostJob.class, command -> command.clientId().equals(client.id()));
        String key = UUID.randomUUID().toString();

        assertOutcomeUnknown(post(JOBS, job(), client, key));
        Api.Response other = post(JOBS, Map.of("title", "Another shift"), client, key);

        assertThat(other.status()).as(other.body()).isEqualTo(422);
        assertThat(other.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void aSignUpRetriedAfterItsInstanceDiedAnswersItsAccount() {
        for (String role : List.of("CLIENT", "WORKER")) {
            Map<String, Object> registration = Api.registration("died-" + UUID.randomUUID() + "@example.com", role);
            String key = UUID.randomUUID().toString();
            Map<String, String> withKey = Map.of("Idempotency-Key", key);
            Api.Response first = api.send("POST", "/api/v1/auth/register", registration, null, withKey).expect(201);
            instanceDiedBeforeStoringTheAnswer(IdempotencyInterceptor.ANONYMOUS, key);

            Api.Response retry = api.send("POST", "/api/v1/auth/register", registration, null, withKey);

            assertThat(retry.status()).as(role + ": " + retry.body()).isEqualTo(201);
            assertThat(retry.json().get("userId").asText()).isEqualTo(first.json().get("userId").asText());
        }
    }

    @Test
    void aReportRetriedAfterItsInstanceDiedAnswersItsReport() {
        Api.User reporter = api.signUp("CLIENT");
        Map<String, String> report = Map.of("subjectType", "USER", "subjectId", api.signUp("WORKER").id(),
                "reason", "Asked to be paid outside the app");
        String key = UUID.randomUUID().toString();
        Api.Response first = post("/api/v1/reports", report, reporter, key).expect(201);
        instanceDiedBeforeStoringTheAnswer(reporter.id(), key);

        Api.Response retry = post("/api/v1/reports", report, reporter, key);

        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.json().get("reportId").asText()).isEqualTo(first.json().get("reportId").asText());
    }

    /**
     * As if the instance serving the key's request died after its effect was stored and before its answer
     * was: the key is claimed, unanswered, since longer than the claim timeout.
     */
    private void instanceDiedBeforeStoringTheAnswer(String caller, String key) {
        int rows = jdbc.sql("""
                        UPDATE idempotency_key SET status = NULL, content_type = NULL, location = NULL, body = NULL,
                            answered_at = NULL, claimed_at = :long_ago
                        WHERE caller = :caller AND idem_key = :key""")
                .param("long_ago", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10))
                .param("caller", caller)
                .param("key", key)
                .update();
        assertThat(rows).isEqualTo(1);
    }

    /**
     * The first matching command is handled and stored on another thread (the other instance), and its
     * sender gets the connector's failure for a lost connection; every matching command handled is listed.
     */
    private <C> List<C> loseTheFirstAnswer(Class<C> type, Predicate<C> matching) {
        List<C> handled = new CopyOnWriteArrayList<>();
        AtomicBoolean armed = new AtomicBoolean(true);
        lostAnswer = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            CommandMessage<?> command = unitOfWork.getMessage();
            if (type.isInstance(command.getPayload()) && matching.test(type.cast(command.getPayload()))) {
                handled.add(type.cast(command.getPayload()));
                if (armed.compareAndSet(true, false)) {
                    CompletableFuture.runAsync(() -> commandGateway.sendAndWait(command)).join();
                    throw new AxonServerCommandDispatchException("AXONIQ-4003", "Connection to the handling instance lost", null);
                }
            }
            return chain.proceed();
        });
        return handled;
    }

    private static void assertOutcomeUnknown(Api.Response answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.json().get("code").asText()).isEqualTo("COMMAND_OUTCOME_UNKNOWN");
    }

    private static <C> Set<String> ids(List<C> commands, Function<C, ?> id) {
        return commands.stream().map(id).map(String::valueOf).collect(Collectors.toSet());
    }

    private long eventsOf(String eventType, Set<String> aggregates) {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE :type AND aggregate_identifier IN (:ids)")
                .param("type", "%." + eventType)
                .param("ids", aggregates)
                .query(Long.class).single();
    }

    private Api.Response post(String path, Object body, Api.User caller, String key) {
        return api.send("POST", path, body, caller.accessToken(), Map.of("Idempotency-Key", key));
    }

    private static Map<String, Object> job() {
        return Map.of("title", "Barista", "requiredSkills", List.of("barista"),
                "location", Map.of("lat", Marketplace.SITE.get("lat"), "lng", Marketplace.SITE.get("lng"),
                        "address", "1 Marina, Lagos"),
                "shift", Map.of("start", START.toString(), "end", START.plus(Duration.ofHours(8)).toString()),
                "pay", Map.of("amount", 1_500_000, "currency", "NGN"));
    }
}
