package dev.gigstream.api.testsupport;

import dev.gigstream.paystack.PaystackClient;
import dev.gigstream.paystack.PaystackStandIn;
import dev.gigstream.paystack.WebhookSignature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The steps of a hire as clients, workers and Paystack take them, for end-to-end tests. */
public final class Marketplace {

    public static final Map<String, Double> SITE = Map.of("lat", 6.4541, "lng", 3.3947);
    public static final long PAY = 1_500_000;
    /** The admin account of tests that set {@code gigstream.auth.admin.*} to these. */
    public static final String ADMIN_EMAIL = "admin@gigstream.test";
    public static final String ADMIN_PASSWORD = "admin password for tests";

    private final Api api;
    private final WebhookSignature paystackSignature = new WebhookSignature(FreshStores.PAYSTACK_SECRET);

    public Marketplace(Api api) {
        this.api = api;
    }

    public Api api() {
        return api;
    }

    public PaystackStandIn paystack() {
        return FreshStores.paystack();
    }

    /** A worker with a profile (home at the site, available all week) and a payout account of their own. */
    public Api.User worker() {
        return worker(String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L)));
    }

    /** A worker as {@link #worker()}, paid out to the given account (shared accounts are a compliance finding). */
    public Api.User worker(String accountNumber) {
        var worker = api.signUp("WORKER");
        api.put("/api/v1/workers/me/profile", Map.of("skills", List.of("barista"), "home", SITE,
                "availability", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
                        .stream().map(day -> Map.of("dayOfWeek", day, "from", "00:00", "to", "24:00")).toList(),
                "payout", Map.of("bankCode", "058", "accountNumber", accountNumber, "accountName", "Ada Obi")),
                worker.accessToken()).expect(200);
        return worker;
    }

    /** A job whose shift starts in 30 minutes (so check-in is open) and lasts eight hours. */
    public String jobStartingSoon(Api.User client) {
        return jobStartingIn(client, Duration.ofMinutes(30));
    }

    /** A job whose eight-hour shift starts {@code in} from now (real time). */
    public String jobStartingIn(Api.User client, Duration in) {
        Instant start = Instant.now().plus(in);
        return api.post("/api/v1/jobs", Map.of("title", "Barista for a launch", "description", "Espresso bar",
                "requiredSkills", List.of("barista"),
                "location", Map.of("lat", SITE.get("lat"), "lng", SITE.get("lng"), "address", "1 Marina, Lagos"),
                "shift", Map.of("start", start.toString(), "end", start.plus(Duration.ofHours(8)).toString()),
                "pay", Map.of("amount", PAY, "currency", "NGN")), client.accessToken()).expect(201).json().get("jobId").asText();
    }

    /** A client, a worker and the client's job starting soon, the worker hired into it (the escrow not paid yet). */
    public Hire hiredShift() {
        return hire(api.signUp("CLIENT"), worker());
    }

    /** A hire as tests use it: its parties, its job and the hire's answer (escrow, Paystack reference, amounts). */
    public record Hire(Api.User client, Api.User worker, String jobId, JsonNode answer) {

        public String escrowId() {
            return answer.get("escrowId").asText();
        }

        public String reference() {
            return answer.get("reference").asText();
        }

        public String payout(int attempt) {
            return "gs-pay-" + escrowId() + "-" + attempt;
        }
    }

    /** The worker applies and the client hires them; returns the hire's answer. */
    public JsonNode hire(Api.User client, Api.User worker, String jobId) {
        api.post("/api/v1/jobs/" + jobId + "/applications", null, worker.accessToken()).expect(201);
        return api.post("/api/v1/jobs/" + jobId + "/hire", Map.of("workerId", worker.id()), client.accessToken())
                .expect(202).json();
    }

    /** The client pays the hire's total (Paystack keeps 34,750 kobo) and the signed webhook arrives. */
    public void payByWebhook(JsonNode hire, Api.User client, String jobId) {
        String reference = hire.get("reference").asText();
        long total = hire.get("total").get("amount").asLong();
        paystack().markPaid(reference, total, "NGN", 34_750);
        deliverSigned(chargeSuccess(reference, total, 34_750)).expect(200);
        awaitJob(jobId, client.accessToken(), job -> "FUNDED".equals(job.get("status").asText()));
    }

    public Api.Response deliver(String body, String signature) {
        return api.send("POST", "/api/v1/webhooks/paystack", body, null,
                signature == null ? Map.of() : Map.of("x-paystack-signature", signature));
    }

    public Api.Response deliverSigned(String body) {
        return deliver(body, paystackSignature.sign(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Paystack's charge.success for our reference, in the shape of the shared sample. */
    public static String chargeSuccess(String reference, long amount, long fees) {
        ObjectNode delivery = sample("charge.success.json");
        ((ObjectNode) delivery.get("data")).put("reference", reference).put("amount", amount).put("fees", fees)
                .put("id", Math.abs(reference.hashCode()));
        return delivery.toString();
    }

    /** Paystack's charge.dispute.create or .resolve (a chargeback) on our charge, in the shape of its sample. */
    public static String chargeback(String event, String chargeReference, long chargebackId) {
        ObjectNode delivery = sample(event + ".json");
        ((ObjectNode) delivery.get("data")).put("id", chargebackId);
        ((ObjectNode) delivery.get("data").get("transaction")).put("reference", chargeReference);
        return delivery.toString();
    }

    /** Paystack's {@code charge.dispute.resolve}: {@code declined} is won by the platform, {@code merchant-accepted} lost. */
    public static String chargebackResolved(String chargeReference, long chargebackId, String resolution) {
        ObjectNode delivery = (ObjectNode) PaystackClient.JSON.readTree(chargeback("charge.dispute.resolve", chargeReference,
                chargebackId));
        ((ObjectNode) delivery.get("data")).put("resolution", resolution);
        return delivery.toString();
    }

    public static String transfer(String event, String reference, long amount) {
        ObjectNode delivery = sample(event + ".json");
        ((ObjectNode) delivery.get("data")).put("reference", reference).put("amount", amount)
                .put("id", Math.abs((event + reference).hashCode()));
        return delivery.toString();
    }

    /** The client pays, the worker checks in and out at the site; the confirmation window is then running. */
    public void workedShift(Hire hire) {
        payByWebhook(hire.answer(), hire.client(), hire.jobId());
        work(hire);
    }

    /** The worker of a funded job checks in and out at the site. */
    public void work(Hire hire) {
        api.post("/api/v1/jobs/" + hire.jobId() + "/check-in", Map.of("location", SITE), hire.worker().accessToken()).expect(202);
        api.post("/api/v1/jobs/" + hire.jobId() + "/check-out", Map.of("location", SITE), hire.worker().accessToken()).expect(202);
    }

    /** The client confirms the worked shift: the escrow is released. */
    public void confirm(Hire hire) {
        api.post("/api/v1/jobs/" + hire.jobId() + "/confirm", null, hire.client().accessToken()).expect(202);
    }

    /** The whole lifecycle: paid, worked, confirmed by the client, the worker paid; the job is COMPLETED. */
    public void completedShift(Hire hire) {
        workedShift(hire);
        confirm(hire);
        String payout = hire.payout(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> transfersOf(payout).size() == 1);
        paystack().markTransfer(payout, "success");
        deliverSigned(transfer("transfer.success", payout, PAY)).expect(200);
        awaitJob(hire.jobId(), hire.client().accessToken(), job -> "COMPLETED".equals(job.get("status").asText()));
    }

    /** The client hires {@code worker} into a new job of theirs starting soon. */
    public Hire hire(Api.User client, Api.User worker) {
        String jobId = jobStartingSoon(client);
        return new Hire(client, worker, jobId, hire(client, worker, jobId));
    }

    /** Every event's postings sum to zero, and so does the whole ledger. */
    public static void assertBalanced(JsonNode escrow) {
        Map<String, Long> perEvent = new HashMap<>();
        for (JsonNode entry : escrow.get("ledger")) {
            String entryId = entry.get("entryId").asText();
            perEvent.merge(entryId.substring(0, entryId.lastIndexOf('-')), entry.get("amount").asLong(), Long::sum);
        }
        assertThat(perEvent.values()).as("every event's postings sum to zero").containsOnly(0L);
    }

    public Api.User admin() {
        return api.logIn(ADMIN_EMAIL, ADMIN_PASSWORD, null);
    }

    /** The notification types in a user's inbox. */
    public List<String> inbox(Api.User user) {
        return api.get("/api/v1/notifications", user.accessToken()).expect(200).json().findValuesAsString("type");
    }

    public JsonNode awaitJob(String jobId, String token, Predicate<JsonNode> until) {
        return awaitJson("/api/v1/jobs/" + jobId, token, until);
    }

    public JsonNode awaitJson(String path, String token, Predicate<JsonNode> until) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> api.get(path, token),
                r -> r.status() == 200 && until.test(r.json())).json();
    }

    public List<PaystackStandIn.Request> transfersOf(String reference) {
        return paystack().requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("transfer"))
                .filter(r -> reference.equals(r.body().path("reference").asText()))
                .toList();
    }

    private static ObjectNode sample(String name) {
        try (InputStream in = Marketplace.class.getResourceAsStream("/webhooks/" + name)) {
            return (ObjectNode) PaystackClient.JSON.readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
