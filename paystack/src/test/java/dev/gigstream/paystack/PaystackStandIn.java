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
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local HTTP server that answers like Paystack's API for the endpoints Gigstream uses: it checks
 * the secret key, keeps transactions and transfers by reference (a transfer reference is used once),
 * plans by code and subscriptions by code, and can be told to fail or stall the next requests.
 * Every request is recorded for assertions.
 */
public final class PaystackStandIn implements AutoCloseable {

    public record Request(String method, String path, String authorization, JsonNode body) {
    }

    private static final List<String> INTERVALS =
            List.of("hourly", "daily", "weekly", "monthly", "quarterly", "biannually", "annually");
    private static final DateTimeFormatter PAYSTACK_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final HttpServer server;
    private final String secretKey;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> transactions = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> transfers = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> plans = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, String> subscriptionsByReference = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> customers = new ConcurrentHashMap<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 500;
    private final AtomicInteger stallsLeft = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
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

    /**
     * What Paystack does once a plan checkout is paid: subscribes the payer to the plan the transaction
     * was initialized with (status active, a new {@code SUB_} code and email_token, renewing at
     * {@code nextPaymentDate}) and keeps the subscription for fetch and disable. Returns a copy of it in
     * the shape of a subscription.create webhook's data, to build webhooks from. The charge itself is
     * marked paid by {@link #markPaid}, not here.
     */
    public ObjectNode subscribe(String reference, Instant nextPaymentDate) {
        ObjectNode transaction = transactions.get(reference);
        if (transaction == null || !transaction.hasNonNull("plan")) {
            throw new IllegalStateException("no transaction initialized with a plan: " + reference);
        }
        ObjectNode plan = plans.get(transaction.path("plan").asText());
        String now = time(Instant.now());
        ObjectNode subscription = PaystackClient.JSON.createObjectNode()
                .put("id", ids.incrementAndGet()).put("domain", "test").put("status", "active")
                .put("subscription_code", code("SUB_")).put("email_token", code(""))
                .put("amount", plan.path("amount").asLong())
                .put("cron_expression", cron(plan.path("interval").asText(), nextPaymentDate))
                .put("next_payment_date", time(nextPaymentDate)).putNull("open_invoice").put("createdAt", now);
        subscription.set("plan", plan.deepCopy());
        subscription.set("authorization", authorization());
        subscription.set("customer", transaction.path("customer").deepCopy());
        subscription.put("created_at", now);
        if (subscriptionsByReference.putIfAbsent(reference, subscription.path("subscription_code").asText()) != null) {
            throw new IllegalStateException("already subscribed by " + reference);
        }
        subscriptions.put(subscription.path("subscription_code").asText(), subscription);
        return subscription.deepCopy();
    }

    /** Paystack moved the subscription on by itself, e.g. to attention (a renewal failed) or completed. */
    public void markSubscription(String subscriptionCode, String status) {
        ObjectNode subscription = subscriptions.get(subscriptionCode);
        if (subscription != null) {
            subscription.put("status", status);
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
                holdBack(stall);
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
            ObjectNode plan = null;
            if (body.has("plan")) {
                plan = plans.get(body.path("plan").asText());
                if (plan == null) {
                    answer(exchange, 400, error("Plan not found", "validation_error", "invalid_params"));
                    return;
                }
            }
            ObjectNode transaction = plan == null
                    ? newTransaction(reference, body.path("amount").asLong(), body.path("currency").asText("NGN"))
                    : newTransaction(reference, plan.path("amount").asLong(), plan.path("currency").asText());
            transaction.set("metadata", body.path("metadata"));
            transaction.set("customer", customer(body.path("email").asText()));
            if (plan != null) {
                transaction.put("plan", plan.path("plan_code").asText());
                transaction.set("plan_object", plan.deepCopy());
            }
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
        } else if (method.equals("POST") && path.equals("plan")) {
            String interval = body.path("interval").asText();
            if (body.path("name").asText().isBlank() || body.path("amount").asLong() <= 0 || !INTERVALS.contains(interval)) {
                answer(exchange, 400, error("Plan needs a name, an amount and a valid interval", "validation_error",
                        "invalid_params"));
                return;
            }
            String now = time(Instant.now());
            ObjectNode plan = PaystackClient.JSON.createObjectNode()
                    .put("name", body.path("name").asText()).put("amount", body.path("amount").asLong())
                    .put("interval", interval).put("integration", 412829).put("domain", "test")
                    .put("currency", body.path("currency").asText("NGN")).put("plan_code", code("PLN_"))
                    .putNull("description").put("send_invoices", true).put("send_sms", true).put("hosted_page", false)
                    .put("id", ids.incrementAndGet()).put("createdAt", now).put("updatedAt", now);
            plans.put(plan.path("plan_code").asText(), plan);
            answer(exchange, 201, ok("Plan created", plan));
        } else if (method.equals("GET") && path.startsWith("plan/")) {
            ObjectNode plan = byIdOrCode(plans, path.substring("plan/".length()));
            if (plan == null) {
                answer(exchange, 404, error("Plan not found", "api_error", "not_found"));
            } else {
                answer(exchange, 200, ok("Plan retrieved", plan));
            }
        } else if (method.equals("GET") && path.startsWith("subscription/")) {
            ObjectNode subscription = byIdOrCode(subscriptions, path.substring("subscription/".length()));
            if (subscription == null) {
                answer(exchange, 404, error("Subscription not found", "api_error", "not_found"));
            } else {
                answer(exchange, 200, ok("Subscription retrieved successfully", subscription));
            }
        } else if (method.equals("POST") && path.equals("subscription/disable")) {
            disable(exchange, body.path("code").asText(), body.path("token").asText());
        } else {
            answer(exchange, 404, error("Not found", "api_error", "not_found"));
        }
    }

    /**
     * Paystack's disable: the code and its email_token must match; an active subscription becomes
     * non-renewing (it runs to the end of the period paid for), one in attention is cancelled, and one
     * already not renewing is refused.
     */
    private void disable(HttpExchange exchange, String code, String token) throws IOException {
        ObjectNode subscription = subscriptions.get(code);
        if (subscription == null) {
            answer(exchange, 404, error("Subscription not found", "api_error", "not_found"));
            return;
        }
        if (!subscription.path("email_token").asText().equals(token)) {
            answer(exchange, 400, error("Invalid email token for this subscription", "validation_error", "invalid_params"));
            return;
        }
        switch (subscription.path("status").asText()) {
            case "active" -> subscription.put("status", "non-renewing");
            case "attention" -> subscription.put("status", "cancelled");
            default -> {
                answer(exchange, 400, error("Subscription with code not found or already inactive", "validation_error",
                        "invalid_params"));
                return;
            }
        }
        subscription.putNull("next_payment_date");
        answer(exchange, 200, PaystackClient.JSON.createObjectNode().put("status", true)
                .put("message", "Subscription disabled successfully"));
    }

    private static ObjectNode byIdOrCode(Map<String, ObjectNode> byCode, String idOrCode) {
        ObjectNode found = byCode.get(idOrCode);
        return found != null ? found : byCode.values().stream()
                .filter(node -> node.path("id").asText().equals(idOrCode)).findFirst().orElse(null);
    }

    /** One customer per email, as Paystack keeps them. */
    private ObjectNode customer(String email) {
        return customers.computeIfAbsent(email, e -> PaystackClient.JSON.createObjectNode()
                .put("id", ids.incrementAndGet()).putNull("first_name").putNull("last_name").put("email", e)
                .put("customer_code", code("CUS_")).putNull("phone").putNull("metadata").put("risk_action", "default"))
                .deepCopy();
    }

    private static ObjectNode authorization() {
        return PaystackClient.JSON.createObjectNode()
                .put("authorization_code", code("AUTH_").substring(0, 15)).put("bin", "408408").put("last4", "4081")
                .put("exp_month", "12").put("exp_year", "2030").put("channel", "card").put("card_type", "visa ")
                .put("bank", "TEST BANK").put("country_code", "NG").put("brand", "visa").put("reusable", true)
                .put("signature", code("SIG_"));
    }

    /** Paystack's cron_expression for a plan's interval, anchored at the next payment. */
    private static String cron(String interval, Instant next) {
        ZonedDateTime at = next.atZone(ZoneOffset.UTC);
        String minuteHour = at.getMinute() + " " + at.getHour();
        return switch (interval) {
            case "hourly" -> at.getMinute() + " * * * *";
            case "daily" -> minuteHour + " * * *";
            case "weekly" -> minuteHour + " * * " + at.getDayOfWeek().getValue() % 7;
            case "quarterly" -> minuteHour + " " + at.getDayOfMonth() + " */3 *";
            case "biannually" -> minuteHour + " " + at.getDayOfMonth() + " */6 *";
            case "annually" -> minuteHour + " " + at.getDayOfMonth() + " " + at.getMonthValue() + " *";
            default -> minuteHour + " " + at.getDayOfMonth() + " * *";
        };
    }

    /** Paystack's timestamps: UTC with milliseconds, e.g. 2026-12-26T09:00:00.000Z. */
    private static String time(Instant instant) {
        return PAYSTACK_TIME.format(instant);
    }

    /** Paystack's codes: a prefix (PLN_, SUB_, CUS_…) and 15 lowercase letters or digits. */
    private static String code(String prefix) {
        StringBuilder code = new StringBuilder(prefix);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 15; i++) {
            code.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
        }
        return code.toString();
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

    /** Holds a stalled answer back for {@code duration}, or until the stand-in closes, whichever comes first. */
    private void holdBack(Duration duration) {
        try {
            closed.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
