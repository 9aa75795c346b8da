package dev.gigstream.paystack;

import dev.gigstream.paystack.PaystackApi.CreatePlan;
import dev.gigstream.paystack.PaystackApi.CreateRefund;
import dev.gigstream.paystack.PaystackApi.CreateTransferRecipient;
import dev.gigstream.paystack.PaystackApi.DisableSubscription;
import dev.gigstream.paystack.PaystackApi.InitializeTransaction;
import dev.gigstream.paystack.PaystackApi.InitializedTransaction;
import dev.gigstream.paystack.PaystackApi.InitiateTransfer;
import dev.gigstream.paystack.PaystackApi.Plan;
import dev.gigstream.paystack.PaystackApi.Refund;
import dev.gigstream.paystack.PaystackApi.Subscription;
import dev.gigstream.paystack.PaystackApi.Transaction;
import dev.gigstream.paystack.PaystackApi.Transfer;
import dev.gigstream.paystack.PaystackApi.TransferRecipient;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A typed client of the Paystack endpoints Gigstream uses. Every call has a timeout; a timeout, a
 * lost connection, 429 or 5xx is retried with exponential back-off up to the configured attempts
 * (safe: every money-moving call carries our own idempotent reference); any other refusal fails at
 * once with Paystack's own message. Creating a plan carries no reference of ours, so it is retried
 * only after 429, which Paystack answers before doing anything.
 */
public class PaystackClient {

    private static final Logger log = LoggerFactory.getLogger(PaystackClient.class);

    /**
     * Paystack's JSON: snake_case fields; fields this client does not model are ignored; an empty
     * string where an object is expected (Paystack sends {@code "metadata": ""}) reads as null.
     */
    public static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .withCoercionConfig(LogicalType.Map, config -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull))
            .withCoercionConfig(LogicalType.POJO, config -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull))
            .build();

    private final PaystackSettings settings;
    private final Supplier<URI> baseUrl;
    private final HttpClient http;
    private final Retry retry;
    private final Retry retryWhenRateLimited;

    public PaystackClient(PaystackSettings settings) {
        this(settings, settings::baseUrl);
    }

    /**
     * A client whose base URL is known only once it is first used (the app's own sandbox, whose port is
     * chosen when its web server starts); {@code settings.baseUrl()} is then not read.
     */
    public PaystackClient(PaystackSettings settings, Supplier<URI> baseUrl) {
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
        this.retry = Retry.of("paystack", RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.initialBackoff(), 2.0))
                .retryOnException(e -> e instanceof PaystackException failure && failure.retryable())
                .build());
        this.retryWhenRateLimited = Retry.of("paystack-rate-limited", RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.initialBackoff(), 2.0))
                .retryOnException(e -> e instanceof PaystackException failure && failure.httpStatus() == 429)
                .build());
    }

    /**
     * The same client without retries inside a call, for callers that retry on their own schedule
     * (a lifecycle's deadline) and must not wait through back-offs meanwhile.
     */
    public PaystackClient singleAttempt() {
        return new PaystackClient(settings.withRetries(1, settings.initialBackoff(), settings.requestTimeout()), baseUrl);
    }

    public InitializedTransaction initializeTransaction(InitializeTransaction request) {
        PaystackReference.require(request.reference());
        if (request.plan() != null) {
            required("plan code", request.plan());
        }
        return call("POST", "transaction/initialize", request, InitializedTransaction.class);
    }

    public Transaction verifyTransaction(String reference) {
        return call("GET", "transaction/verify/" + encode(PaystackReference.require(reference)), null, Transaction.class);
    }

    public TransferRecipient createTransferRecipient(CreateTransferRecipient request) {
        return call("POST", "transferrecipient", request, TransferRecipient.class);
    }

    public Transfer initiateTransfer(InitiateTransfer request) {
        return call("POST", "transfer", request, Transfer.class);
    }

    public Transfer verifyTransfer(String reference) {
        return call("GET", "transfer/verify/" + encode(PaystackReference.require(reference)), null, Transfer.class);
    }

    public Refund refund(CreateRefund request) {
        return call("POST", "refund", request, Refund.class);
    }

    /**
     * A new plan. A timeout or 5xx is not retried (Paystack may have created the plan meanwhile; a
     * retry would make a second one with the same name): create plans once and keep their codes.
     */
    public Plan createPlan(CreatePlan request) {
        return retryWhenRateLimited.executeSupplier(() -> exchange("POST", "plan", request, Plan.class));
    }

    /** A plan by its code ({@code PLN_…}) or Paystack's id. */
    public Plan fetchPlan(String idOrCode) {
        return call("GET", "plan/" + encode(required("id or code", idOrCode)), null, Plan.class);
    }

    /** A subscription by its code ({@code SUB_…}) or Paystack's id. */
    public Subscription fetchSubscription(String idOrCode) {
        return call("GET", "subscription/" + encode(required("id or code", idOrCode)), null, Subscription.class);
    }

    /**
     * Stops the subscription renewing (Paystack: active becomes non-renewing until its period ends).
     * A wrong email token is refused. Should a retried call be refused, the attempt whose answer was
     * lost may have taken already: fetch the subscription to see.
     */
    public void disableSubscription(DisableSubscription request) {
        required("subscription code", request.code());
        required("email token", request.token());
        call("POST", "subscription/disable", request, Void.class);
    }

    private <T> T call(String method, String path, Object body, Class<T> dataType) {
        return retry.executeSupplier(() -> exchange(method, path, body, dataType));
    }

    private <T> T exchange(String method, String path, Object body, Class<T> dataType) {
        URI uri = baseUrl.get().resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + settings.secretKey())
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                   .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            log.warn("Paystack {} {} failed: {}", method, path, e.toString());
            throw new PaystackException("Paystack did not answer " + method + " /" + path + ": " + e, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaystackException("Interrupted while calling Paystack", -1, e);
        }
        int status = response.statusCode();
        JsonNode envelope = parse(response.body(), method, path, status);
        String message = envelope.path("message").asText("");
        if (status / 100 != 2 || !envelope.path("status").asBoolean(false)) {
            log.warn("Paystack {} {} answered {}: {}", method, path, status, message);
            throw new PaystackException("Paystack refused " + method + " /" + path + " (" + status + "): " + message,
                    status, envelope.path("code").asText(null), envelope.path("type").asText(null), null);
        }
        if (dataType == Void.class) {
            return null;
        }
        JavaType type = JSON.getTypeFactory().constructType(dataType);
        try {
            return JSON.readerFor(type).readValue(envelope.path("data"));
        } catch (JacksonException e) {
            throw new PaystackException("Paystack's answer to " + method + " /" + path + " has an unexpected shape", status, e);
        }
    }

    private static JsonNode parse(byte[] body, String method, String path, int status) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw new PaystackException("Paystack answered " + method + " /" + path + " with " + status
                    + " and no JSON", status, e);
        }
    }

    /** Checked before sending: a blank id would ask Paystack for a list instead (GET /plan/). */
    private static String required(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a Paystack " + what + " is required: " + value);
        }
        return value;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }
}
