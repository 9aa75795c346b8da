package dev.gigstream.api.hardening;

import dev.gigstream.api.hardening.MalformedRequests.Request;
import dev.gigstream.api.hardening.OpenApiDocument.Operation;
import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.FreshStores;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.paystack.WebhookSignature;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation in the OpenAPI document, sent malformed and boundary input by workers, clients,
 * admins, auditors, strangers and holders of a forged token (and Paystack's events, signed, with
 * fields of the wrong JSON type): the answer is never a 5xx, every 4xx is
 * problem+json with a {@code code}, and the document lists each answer's status and code for its
 * operation. The cases are drawn with a fixed seed ({@code -Dgigstream.fuzz.seed} draws others),
 * which a failure reports so it can be replayed; {@code -Dgigstream.fuzz.per-operation} and
 * {@code -Dgigstream.fuzz.in-all} raise the bounds for a longer exploration.
 */
@HardeningIT
class OpenApiFuzzIT {

    private static final long SEED = Long.getLong("gigstream.fuzz.seed", 20_260_415L);
    /** Malformed requests drawn per operation, and in all: bounds the run to well under a minute (raise them to explore). */
    private static final int PER_OPERATION = Integer.getInteger("gigstream.fuzz.per-operation", 40);
    private static final int IN_ALL = Integer.getInteger("gigstream.fuzz.in-all", 3_500);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WEBHOOK = "POST /api/v1/webhooks/paystack";

    @Autowired
    Api api;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Caller> callers = new LinkedHashMap<>();
    /** Answers the document does not list: a status it has no response for, or a problem code it does not name. */
    private final List<String> undocumented = new ArrayList<>();
    private AnswerConformance conformance;

    /**
     * A user the requests are sent as (none for strangers), signed in again when a fuzzed logout ended the
     * session, and replaced by a new account of the same role when a fuzzed erasure ended the account.
     */
    private final class Caller {

        private final String role;
        private String email;
        private final String password;
        private String token;

        Caller(String role, String email, String password) {
            this.role = role;
            this.email = email;
            this.password = password;
            this.token = email == null ? null : api.logIn(email, password, null).accessToken();
        }

        /** A caller presenting a token the server never issued (an unsigned "admin" JWT). */
        Caller(String forged) {
            this.role = null;
            this.email = null;
            this.password = null;
            this.token = forged;
        }

        String token() {
            return token;
        }

        void signInAgainIfSignedOut() {
            if (email == null || api.get("/api/v1/me", token).status() != 401) {
                return;
            }
            var login = api.post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
            if (login.status() == 200 || role == null) {
                token = login.expect(200).json().get("accessToken").asText();
                return;
            }
            var successor = api.signUp(role); // the account was erased: its well-formed erasure was let through
            email = successor.email();
            token = successor.accessToken();
        }
    }

    @Test
    void malformedRequestsToEveryOperationAreRefusedAsProblemsNeverAsServerErrors() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var worker = market.worker();
        var hire = market.hire(client, worker);
        callers.put("worker", new Caller("WORKER", worker.email(), Api.PASSWORD));
        callers.put("client", new Caller("CLIENT", client.email(), Api.PASSWORD));
        callers.put("admin", new Caller(null, ADMIN_EMAIL, ADMIN_PASSWORD));
        callers.put("auditor", new Caller(null, HardeningIT.AUDITOR_EMAIL, HardeningIT.AUDITOR_PASSWORD));
        callers.put("anonymous", new Caller(null, null, null));
        callers.put("forged token", new Caller("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJBRE1JTiJ9."));
        List<String> everyone = List.copyOf(callers.keySet());

        var document = OpenApiDocument.of(api);
        conformance = new AnswerConformance(document);
        var requests = new MalformedRequests(document, Map.of("jobId", hire.jobId(), "escrowId", hire.escrowId(),
                "reference", hire.reference(), "workerId", worker.id()));
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int sent = 0;
        List<Operation> operations = document.operations();
        Map<String, Long> millis = new LinkedHashMap<>();
        for (Operation operation : operations) {
            long started = System.nanoTime();
            List<String> permitted = new ArrayList<>();
            Request wellFormed = requests.wellFormed(operation);
            for (String caller : everyone) {
                int status = check(operation, wellFormed, caller, failures, statuses);
                sent++;
                if (status != 401 && status != 403) {
                    permitted.add(caller);
                }
            }
            List<Request> malformed = new ArrayList<>(requests.malformed(operation));
            Collections.shuffle(malformed, random);
            int budget = Math.max(0, Math.min(PER_OPERATION, (IN_ALL - sent) / Math.max(1, operations.size() - operations.indexOf(operation))));
            for (Request request : malformed.subList(0, Math.min(budget, malformed.size()))) {
                List<String> from = permitted.isEmpty() || random.nextInt(5) == 0 ? everyone : permitted;
                String caller = from.get(random.nextInt(from.size()));
                check(operation, request, caller, failures, statuses);
                sent++;
            }
            if (operation.key().equals(WEBHOOK)) {
                for (Request request : signedDeliveriesOfWrongTypes(random)) {
                    check(operation, request, "anonymous", failures, statuses);
                    sent++;
                }
            }
            millis.put(operation.key(), (System.nanoTime() - started) / 1_000_000);
        }
        System.out.println("Slowest operations (ms): " + millis.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8).toList());
        System.out.printf("Fuzzed %d operations with %d requests (seed %d): statuses %s%n",
                operations.size(), sent, SEED, statuses);
        assertThat(sent).as("requests sent").isGreaterThan(1_000);
        assertThat(failures)
                .as("answers that were 5xx or not problem+json with a code, seed %d (-Dgigstream.fuzz.seed=%d replays)",
                        SEED, SEED)
                .isEmpty();
        assertThat(undocumented)
                .as("answers the OpenAPI document does not describe: a status or code their operation does not list "
                        + "(ProblemResponses, or @ProblemResponse on the handler) or a body unlike its schema "
                        + "(openapi/schemas.json lists the fields that may be null), seed %d", SEED)
                .isEmpty();
    }

    /**
     * Paystack's events, signed as Paystack would, with one field of their {@code data} of a JSON type
     * drawn at random (unsigned ones never get past the signature): each event type the application
     * acts on, each of its sample's fields.
     */
    private static List<Request> signedDeliveriesOfWrongTypes(Random random) {
        var signature = new WebhookSignature(FreshStores.PAYSTACK_SECRET);
        List<JsonNode> wrong = List.of(JSON.createObjectNode().put("id", 1), JSON.createArrayNode().add("x"),
                JsonNodeFactory.instance.stringNode("12"), JsonNodeFactory.instance.numberNode(1.5),
                JsonNodeFactory.instance.numberNode(12), JsonNodeFactory.instance.booleanNode(true),
                JsonNodeFactory.instance.nullNode());
        List<Request> requests = new ArrayList<>();
        for (String event : List.of("charge.success", "charge.success.renewal", "transfer.success", "transfer.failed",
                "transfer.reversed", "refund.processed", "charge.dispute.create", "charge.dispute.resolve",
                "subscription.create", "subscription.not_renew", "subscription.disable", "invoice.payment_failed")) {
            ObjectNode sample;
            try (var in = OpenApiFuzzIT.class.getResourceAsStream("/webhooks/" + event + ".json")) {
                sample = (ObjectNode) JSON.readTree(in.readAllBytes());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            for (String field : List.copyOf(sample.get("data").propertyNames())) {
                ObjectNode delivery = sample.deepCopy();
                JsonNode value = wrong.get(random.nextInt(wrong.size()));
                ((ObjectNode) delivery.get("data")).set(field, value);
                String body = delivery.toString();
                requests.add(new Request("signed " + event + " with data." + field + " = " + value, "POST",
                        "/api/v1/webhooks/paystack", "application/json", body,
                        Map.of("x-paystack-signature", signature.sign(body.getBytes(StandardCharsets.UTF_8)))));
            }
        }
        return requests;
    }

    /** The answer's status and code when the operation's documented responses do not list them. */
    private static java.util.Optional<String> undocumented(Operation operation, HttpResponse<String> response) {
        if (operation.method().equals("HEAD")) {
            return java.util.Optional.empty();
        }
        JsonNode documented = operation.node().path("responses").path(Integer.toString(response.statusCode()));
        String code = "";
        if (response.statusCode() >= 400) {
            try {
                code = JSON.readTree(response.body()).path("code").asText("");
            } catch (RuntimeException e) {
                code = ""; // not a problem: reported as such above
            }
        }
        boolean listed = !documented.isMissingNode()
                && (code.isEmpty() || documented.path("description").asText().contains("`" + code + "`"));
        return listed ? java.util.Optional.empty() : java.util.Optional.of(response.statusCode() + " " + code);
    }

    /** Sends the request as the caller; records a failure unless the answer is below 500 and, if 4xx, a coded problem. */
    private int check(Operation operation, Request request, String caller, List<String> failures,
                      Map<Integer, Integer> statuses) {
        HttpResponse<String> response = send(request, callers.get(caller).token());
        if (response != null && response.statusCode() == 401) {
            callers.get(caller).signInAgainIfSignedOut();
        }
        int status = response == null ? -1 : response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        if (response != null) {
            undocumented(operation, response).ifPresent(answer -> undocumented.add("%s (%s) as %s: %s".formatted(
                    operation.key(), request.description(), caller, answer)));
            if (status < 300) {
                conformance.violations(operation, status, response.headers().firstValue("Content-Type").orElse(null),
                        response.body()).forEach(violation -> undocumented.add("%s (%s) as %s: %s".formatted(
                        operation.key(), request.description(), caller, violation)));
            }
        }
        String problem = response == null ? "no answer in time" : problem(request, response);
        if (problem != null) {
            failures.add("%s (%s) as %s: %s -> %d %s; sent %s %s body %s".formatted(operation.key(),
                    request.description(), caller, problem, status,
                    response == null ? "" : MalformedRequests.abbreviate(response.body().replace('\n', ' ')),
                    request.method(), MalformedRequests.abbreviate(request.path()),
                    request.body() == null ? "none" : MalformedRequests.abbreviate(request.body())));
        }
        if (response == null) {
            throw new AssertionError("The server stopped answering (seed %d, -Dgigstream.fuzz.seed=%d replays) at %s"
                    .formatted(SEED, SEED, failures.get(failures.size() - 1)));
        }
        return status;
    }

    private static String problem(Request request, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return "server error";
        }
        if (status < 400 || request.method().equals("HEAD")) {
            return null;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "not problem+json (" + type + ")";
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            return body.path("code").isTextual() ? null : "no code";
        } catch (RuntimeException e) {
            return "unreadable problem";
        }
    }

    private HttpResponse<String> send(Request request, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request.path()))
                .timeout(Duration.ofSeconds(20));
        if (token != null && !request.headers().containsKey("Authorization")) {
            builder.header("Authorization", "Bearer " + token);
        }
        request.headers().forEach(builder::header);
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        builder.method(request.method(), request.body() == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(request.body()));
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
