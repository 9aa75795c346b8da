package dev.gigstream.benchmark;

import dev.gigstream.paystack.PaystackStandIn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paystack's side of a lifecycle: the stand-in server (answering at once) that the app calls, the
 * signed webhooks Paystack would send, and a watcher that sees each payout transfer the app asks for
 * (it scans the stand-in's recorded requests every 2 ms).
 */
final class Paystack implements AutoCloseable {

    private static final Pattern UUID_IN_REFERENCE = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final String secret = "sk_test_benchmark_" + UUID.randomUUID().toString().replace("-", "");
    private final PaystackStandIn standIn = new PaystackStandIn(secret);
    private final Map<String, JsonNode> transfersByEscrow = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonNode>> awaited = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "paystack-transfer-watcher");
        thread.setDaemon(true);
        return thread;
    });
    private int seen;

    Paystack() {
        watcher.scheduleWithFixedDelay(this::lookAtTransfers, 0, 2, TimeUnit.MILLISECONDS);
    }

    String baseUrl() {
        return standIn.baseUrl();
    }

    String secret() {
        return secret;
    }

    /** The client paid the hire's total: the stand-in's verify answers success, and the signed webhook is due. */
    String paid(String reference, long total) {
        long fees = 34_750;
        standIn.markPaid(reference, total, "NGN", fees);
        ObjectNode delivery = sample("charge.success.json");
        ((ObjectNode) delivery.get("data")).put("reference", reference).put("amount", total).put("fees", fees)
                .put("id", Math.abs((long) reference.hashCode()));
        return delivery.toString();
    }

    /** The payout transfer succeeded at Paystack: the stand-in says so, and the signed webhook is due. */
    String transferred(JsonNode transfer) {
        String reference = transfer.path("reference").asText();
        standIn.markTransfer(reference, "success");
        ObjectNode delivery = sample("transfer.success.json");
        ((ObjectNode) delivery.get("data")).put("reference", reference).put("amount", transfer.path("amount").asLong())
                .put("id", Math.abs((long) ("transfer.success" + reference).hashCode()));
        return delivery.toString();
    }

    /** Paystack's signature header: HMAC-SHA512 of the raw body with the secret key, in hex. */
    String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Completes with the body of the payout transfer the app requests for the escrow. */
    CompletableFuture<JsonNode> transferFor(String escrowId) {
        CompletableFuture<JsonNode> future = awaited.computeIfAbsent(escrowId, id -> new CompletableFuture<>());
        JsonNode seen = transfersByEscrow.get(escrowId);
        if (seen != null) {
            future.complete(seen);
        }
        return future.whenComplete((transfer, error) -> awaited.remove(escrowId));
    }

    /** Looks at the requests the stand-in recorded since the last look (on the watcher's thread only). */
    private void lookAtTransfers() {
        List<PaystackStandIn.Request> requests = standIn.requests();
        for (int i = seen; i < requests.size(); i++) {
            PaystackStandIn.Request request = requests.get(i);
            if (request.method().equals("POST") && request.path().equals("transfer") && request.body() != null) {
                Matcher escrow = UUID_IN_REFERENCE.matcher(request.body().path("reference").asText());
                if (escrow.find()) {
                    transfersByEscrow.put(escrow.group(), request.body());
                    CompletableFuture<JsonNode> waiting = awaited.get(escrow.group());
                    if (waiting != null) {
                        waiting.complete(request.body());
                    }
                }
            }
        }
        seen = requests.size();
    }

    private static ObjectNode sample(String name) {
        try (InputStream in = Paystack.class.getResourceAsStream("/webhooks/" + name)) {
            return (ObjectNode) Api.JSON.readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        standIn.close();
    }
}
