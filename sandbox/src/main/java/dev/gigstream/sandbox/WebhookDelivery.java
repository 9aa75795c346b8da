package dev.gigstream.sandbox;

import dev.gigstream.paystack.PaystackClient;
import dev.gigstream.paystack.WebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the sandbox's webhooks as Paystack does: the exact body signed with HMAC-SHA512 in
 * {@code x-paystack-signature}, posted to the app's own webhook endpoint. An answer other than 2xx, or
 * none, is tried again later on the scheduler (1 s, 2 s, 4 s, ...), at most {@link #ATTEMPTS} times;
 * nothing here blocks the thread that asked for the delivery.
 */
public class WebhookDelivery {

    static final int ATTEMPTS = 6;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    private final LocalServer server;
    private final WebhookSignature signature;
    private final ScheduledExecutorService scheduler;
    private final HttpClient http;

    public WebhookDelivery(LocalServer server, WebhookSignature signature, ScheduledExecutorService scheduler) {
        this.server = server;
        this.signature = signature;
        this.scheduler = scheduler;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(scheduler).build();
    }

    /** Sends {@code event} with {@code data}; the future completes once it was answered 2xx, or given up. */
    public CompletableFuture<Boolean> deliver(String event, JsonNode data) {
        byte[] body = PaystackClient.JSON.writeValueAsBytes(PaystackShapes.event(event, data));
        CompletableFuture<Boolean> delivered = new CompletableFuture<>();
        attempt(event, body, 1, delivered);
        return delivered;
    }

    private void attempt(String event, byte[] body, int attempt, CompletableFuture<Boolean> delivered) {
        HttpRequest request = HttpRequest.newBuilder(server.webhookEndpoint())
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("x-paystack-signature", signature.sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure == null && response.statusCode() / 100 == 2) {
                log.info("Sandbox delivered {} (attempt {})", event, attempt);
                delivered.complete(true);
                return;
            }
            String outcome = failure != null ? failure.toString() : "HTTP " + response.statusCode();
            if (attempt >= ATTEMPTS) {
                log.warn("Sandbox gave up delivering {} after {} attempts: {}", event, attempt, outcome);
                delivered.complete(false);
                return;
            }
            long wait = FIRST_RETRY.toMillis() << (attempt - 1);
            log.warn("Sandbox delivery of {} failed ({}), trying again in {} ms", event, outcome, wait);
            scheduler.schedule(() -> attempt(event, body, attempt + 1, delivered), wait, TimeUnit.MILLISECONDS);
        });
    }
}
