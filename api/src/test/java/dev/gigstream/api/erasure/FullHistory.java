package dev.gigstream.api.erasure;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.gigstream.api.testsupport.Marketplace.SITE;
import static org.awaitility.Awaitility.await;

/**
 * A worker with a full history, all through the API: registered with a name, e-mail and phone of their own;
 * a profile with bio, home and payout account; applied with a note, hired, shared their live location and
 * sent a ping, checked in and out at the site; a dispute the client opened, with evidence from both,
 * settled by an admin with a split; paid out; rated by the client and rating the client, with comments.
 * What the worker wrote carries their name or phone, so a copy of any of it shows in a search.
 */
final class FullHistory {

    final String name;
    final String email;
    final String phone;
    final String accountNumber;
    final Api.User worker;
    final Api.User client;
    final String jobId;

    private FullHistory(String name, String email, String phone, String accountNumber, Api.User worker, Api.User client,
                        String jobId) {
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.accountNumber = accountNumber;
        this.worker = worker;
        this.client = client;
        this.jobId = jobId;
    }

    /** What must not be found in clear anywhere once the worker is erased. */
    List<String> needles() {
        return List.of(name, email, phone.substring(1), accountNumber);
    }

    /** The read models of the history filled again after a replay: its ratings and the worker's profile. */
    void awaitRebuilt(Api api) {
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/v1/jobs/" + jobId + "/ratings",
                client.accessToken()).json().path("items").size() == 2
                && api.get("/api/v1/workers/" + worker.id(), client.accessToken()).status() == 200);
    }

    static FullHistory of(Marketplace market, Api.User admin) {
        Api api = market.api();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String name = "Ifeoma Zubairu-" + marker;
        String email = "ifeoma-" + marker + "@example.com";
        String phone = "+23480" + digits(8);
        String accountNumber = digits(10);

        Map<String, Object> registration = new LinkedHashMap<>(Api.registration(email, "WORKER"));
        registration.put("fullName", name);
        registration.put("phone", phone);
        String workerId = api.post("/api/v1/auth/register", registration, null).expect(201).json().get("userId").asText();
        Api.User worker = api.logIn(email, Api.PASSWORD, workerId);
        api.put("/api/v1/workers/me/profile", Map.of("skills", List.of("barista"),
                "bio", "Barista, ask for " + name + " on " + phone, "home", Map.of("lat", 6.5095, "lng", 3.3711),
                "availability", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
                        .stream().map(day -> Map.of("dayOfWeek", day, "from", "00:00", "to", "24:00")).toList(),
                "payout", Map.of("bankCode", "058", "accountNumber", accountNumber, "accountName", name)),
                worker.accessToken()).expect(200);

        Api.User client = api.signUp("CLIENT");
        String jobId = market.jobStartingSoon(client);
        api.post("/api/v1/jobs/" + jobId + "/applications", Map.of("note", name + " here, call " + phone),
                worker.accessToken()).expect(201);
        JsonNode hire = api.post("/api/v1/jobs/" + jobId + "/hire", Map.of("workerId", workerId), client.accessToken())
                .expect(202).json();
        String escrowId = hire.get("escrowId").asText();
        String reference = hire.get("reference").asText();
        market.payByWebhook(hire, client, jobId);

        api.post("/api/v1/jobs/" + jobId + "/location-shares", null, worker.accessToken()).expect(201);
        api.post("/api/v1/jobs/" + jobId + "/location", Map.of("lat", 6.4542, "lng", 3.3948), worker.accessToken()).expect(202);
        api.post("/api/v1/jobs/" + jobId + "/check-in", Map.of("location", SITE), worker.accessToken()).expect(202);
        api.post("/api/v1/jobs/" + jobId + "/check-out", Map.of("location", SITE), worker.accessToken()).expect(202);

        String disputeId = api.post("/api/v1/jobs/" + jobId + "/disputes", Map.of("reason", "work not done",
                "details", "The worker left the bar after an hour"), client.accessToken()).expect(201).json().get("disputeId").asText();
        api.post("/api/v1/disputes/" + disputeId + "/evidence", Map.of("text", "Photo: the bar unattended at 11:00"),
                client.accessToken()).expect(201);
        api.post("/api/v1/disputes/" + disputeId + "/evidence", Map.of("text", "I, " + name + ", served until 15:00"),
                worker.accessToken()).expect(201);
        market.awaitJson("/api/v1/disputes/" + disputeId, admin.accessToken(), view -> view.get("evidence").size() == 2);
        api.post("/api/v1/admin/disputes/" + disputeId + "/resolve", Map.of("outcome", "SPLIT",
                "workerShare", Map.of("amount", 600_000, "currency", "NGN"), "note", "The worker served half the shift"),
                admin.accessToken()).expect(202);
        String payout = "gs-pay-" + escrowId + "-1";
        await().atMost(Duration.ofSeconds(20)).until(() -> market.transfersOf(payout).size() == 1);
        market.paystack().markTransfer(payout, "success");
        market.deliverSigned(Marketplace.transfer("transfer.success", payout, 600_000)).expect(200);
        market.deliverSigned("{\"event\":\"refund.processed\",\"data\":{\"status\":\"processed\",\"transaction_reference\":\""
                + reference + "\",\"refund_reference\":\"RFD_" + escrowId + "\",\"amount\":1050000,\"currency\":\"NGN\"}}")
                .expect(200);
        market.awaitJson("/api/v1/escrows/" + escrowId, admin.accessToken(), view -> "SPLIT".equals(view.get("status").asText()));
        market.awaitJob(jobId, client.accessToken(), view -> "COMPLETED".equals(view.get("status").asText()));

        String ratings = "/api/v1/jobs/" + jobId + "/ratings";
        api.post(ratings, Map.of("stars", 3, "comment", "Half a shift, fair enough"), client.accessToken()).expect(201);
        api.post(ratings, Map.of("stars", 4, "comment", "Kind client. " + name + ", " + phone), worker.accessToken()).expect(201);
        market.awaitJson(ratings, worker.accessToken(), view -> view.get("items").size() == 2);
        return new FullHistory(name, email, phone, accountNumber, worker, client, jobId);
    }

    private static String digits(int count) {
        return IntStream.range(0, count).mapToObj(i -> Integer.toString(ThreadLocalRandom.current().nextInt(10)))
                .collect(Collectors.joining());
    }
}
