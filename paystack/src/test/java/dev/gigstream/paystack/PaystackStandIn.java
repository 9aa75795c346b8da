package dev.gigstream.paystack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local HTTP server that answers like Paystack's API for the endpoints Gigstream uses: it checks
 * the secret key, keeps transactions and transfers by reference (a transfer reference is used once),
 * and can be told to fail or stall the next requests. Every request is recorded for assertions.
 */
public final class PaystackStandIn implements AutoCloseable {

    public record Request(String method, String path, String authorization, JsonNode body) {
    }

    private final HttpServer server;
    private final String secretKey;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> transactions = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> transfers = new ConcurrentHashMap<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 500;
    private final AtomicInteger stallsLeft = new AtomicInteger();
    private volatile Duration stall = Duration.ZERO;
    private volatile String transferStatus = "pending";
    private final AtomicLong ids = new AtomicLong(4_099_260_000L);

    public PaystackStandIn(String secretKey) {
        this.secretKey = secretKey;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String method, String pathPrefix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
    }

    /** The next {@code count} requests answer {@code status} with Paystack's error envelope. */
    public void failNext(int count, int status) {
        failureStatus = status;
        failuresLeft.set(count);
    }

    /** The next {@code count} requests are answered only after {@code delay}. */
    public void stallNext(int count, Duration delay) {
        stall = delay;
        stallsLeft.set(count);
    }

    /** The status new transfers are created with: pending (the default), success, otp or failed. */
    public void transfersStartAs(String status) {
        transferStatus = status;
    }

    /** The customer paid: verify now answers success with these amounts. */
    public void markPaid(String reference, long amount, String currency, long fees) {
        ObjectNode transaction = transactions.computeIfAbsent(reference, r -> newTransaction(r, amount, currency));
        transaction.put("status", "success").put("amount", amount).put("currency", currency).put("fees", fees)
                .put("paid_at", Instant.now().toString());
    }

    public void markTransfer(String reference, String status) {
        ObjectNode transfer = transfers.get(reference);
        if (transfer != null) {
            transfer.put("status", status);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath().substring(1);
            JsonNode body = raw.length == 0 ? null : PaystackClient.JSON.readTree(raw);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            requests.add(new Request(exchange.getRequestMethod(), path, authorization, body));
            if (stallsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                sleep(stall);
            }
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                answer(exchange, failureStatus, error("Something went wrong on our end", "api_error", "unknown"));
                return;
            }
            if (!("Bearer " + secretKey).equals(authorization)) {
                answer(exchange, 401, error("Invalid key", "api_error", "invalid_key"));
                return;
            }
            route(exchange, exchange.getRequestMethod(), path, body);
        }
    }

    private void route(HttpExchange exchange, String method, String path, JsonNode body) throws IOException {
        if (method.equals("POST") && path.equals("transaction/initialize")) {
            String reference = body.path("reference").asText();
            if (transactions.containsKey(reference)) {
                answer(exchange, 400, error("Duplicate Transaction Reference", "validation_error", "duplicate_reference"));
                return;
            }
            ObjectNode transaction = newTransaction(reference, body.path("amount").asLong(), body.path("currency").asText("NGN"));
            transaction.set("metadata", body.path("metadata"));
            transactions.put(reference, transaction);
            String accessCode = "ac_" + Integer.toHexString(reference.hashCode());
            answer(exchange, 200, ok("Authorization URL created", PaystackClient.JSON.createObjectNode()
                    .put("authorization_url", "https://checkout.paystack.com/" + accessCode)
                    .put("access_code", accessCode).put("reference", reference)));
        } else if (method.equals("GET") && path.startsWith("transaction/verify/")) {
            ObjectNode transaction = transactions.get(path.substring("transaction/verify/".length()));
            if (transaction == null) {
                answer(exchange, 400, error("Transaction reference not found", "validation_error", "transaction_not_found"));
            } else {
                answer(exchange, 200, ok("Verification successful", transaction));
            }
        } else if (method.equals("POST") && path.equals("transferrecipient")) {
            answer(exchange, 201, ok("Transfer recipient created successfully", PaystackClient.JSON.createObjectNode()
                    .put("recipient_code", "RCP_" + Integer.toHexString(body.path("account_number").asText().hashCode()))
                    .put("name", body.path("name").asText()).put("currency", body.path("currency").asText())
                    .put("type", body.path("type").asText())));
        } else if (method.equals("POST") && path.equals("transfer")) {
            String reference = body.path("reference").asText();
            if (transfers.containsKey(reference)) {
                answer(exchange, 400, error("Transfer reference already exists", "validation_error", "duplicate_reference"));
                return;
            }
            ObjectNode transfer = PaystackClient.JSON.createObjectNode()
                    .put("reference", reference).put("transfer_code", "TRF_" + ids.incrementAndGet())
                    .put("status", transferStatus).put("amount", body.path("amount").asLong())
                    .put("currency", body.path("currency").asText()).put("reason", body.path("reason").asText())
                    .put("recipient", body.path("recipient").asText());
            transfers.put(reference, transfer);
            answer(exchange, 200, ok("Transfer has been queued", transfer));
        } else if (method.equals("GET") && path.startsWith("transfer/verify/")) {
            ObjectNode transfer = transfers.get(path.substring("transfer/verify/".length()));
            if (transfer == null) {
                answer(exchange, 404, error("Transfer not found", "api_error", "not_found"));
            } else {
                answer(exchange, 200, ok("Transfer retrieved", transfer));
            }
        } else if (method.equals("POST") && path.equals("refund")) {
            ObjectNode transaction = transactions.get(body.path("transaction").asText());
            if (transaction == null || !"success".equals(transaction.path("status").asText())) {
                answer(exchange, 400, error("Transaction not found or not refundable", "validation_error", "invalid_params"));
                return;
            }
            long amount = body.hasNonNull("amount") ? body.path("amount").asLong() : transaction.path("amount").asLong();
            answer(exchange, 200, ok("Refund has been queued for processing", PaystackClient.JSON.createObjectNode()
                    .put("id", ids.incrementAndGet()).put("status", "pending").put("amount", amount)
                    .put("currency", transaction.path("currency").asText())
                    .set("transaction", PaystackClient.JSON.createObjectNode()
                            .put("id", transaction.path("id").asLong()).put("reference", transaction.path("reference").asText()))));
        } else {
            answer(exchange, 404, error("Not found", "api_error", "not_found"));
        }
    }

    private ObjectNode newTransaction(String reference, long amount, String currency) {
        return PaystackClient.JSON.createObjectNode().put("id", ids.incrementAndGet()).put("status", "abandoned")
                .put("reference", reference).put("amount", amount).put("currency", currency);
    }

    private static ObjectNode ok(String message, JsonNode data) {
        ObjectNode envelope = PaystackClient.JSON.createObjectNode().put("status", true).put("message", message);
        envelope.set("data", data);
        return envelope;
    }

    /** Paystack's error envelope: a message, a type (api_error, validation_error, processor_error) and a code. */
    private static ObjectNode error(String message, String type, String code) {
        ObjectNode envelope = PaystackClient.JSON.createObjectNode().put("status", false).put("message", message)
                .put("type", type).put("code", code);
        envelope.putObject("meta").put("nextStep", "See the message");
        return envelope;
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = PaystackClient.JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
