package dev.gigstream.api.web.openapi;

import dev.gigstream.api.web.AwaitsReadPosition;
import dev.gigstream.api.web.CanonicalPathFilter;
import dev.gigstream.api.web.Idempotent;
import dev.gigstream.api.web.ReadPositions;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.axonframework.queryhandling.QueryGateway;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Gives every operation of the OpenAPI document the error answers it really gives, each an
 * {@code application/problem+json} {@code ProblemDetails} whose description lists the codes. What endpoints of a
 * kind share is derived here: 400 {@code INVALID_REQUEST} where there is a body or a query to get wrong
 * ({@code BAD_REQUEST} where a path can be, {@code NON_CANONICAL_PATH} everywhere), 401 everywhere (a
 * token sent is checked, needed or not), 403 {@code FORBIDDEN} where a role is required, 406 where there is an answer body, 413 and 415 where there
 * is a body, 429 everywhere, 503 {@code STORE_UNAVAILABLE} wherever the account behind a token is looked
 * up, 409 and 503 where a command is sent ({@link SendsCommand}), 503 {@code QUERY_UNANSWERED} where a GET asks
 * the query bus, 400 and 503 {@code READ_MODEL_BEHIND} where a read may present a {@code Read-Position}
 * ({@link AwaitsReadPosition}), 409 and 422 where an idempotency key is taken ({@link Idempotent}). What is particular to an endpoint comes
 * from its {@link ProblemResponse} annotations. No 500 is listed: it is never part of the contract.
 */
final class ProblemResponses implements OperationCustomizer {

    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String PROBLEM = "#/components/schemas/" + OpenApiConfiguration.PROBLEM;

    /** What the codes every kind of endpoint shares mean, so that their responses can say it. */
    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("INVALID_REQUEST", "a field, parameter or the body is missing, malformed or out of bounds; "
                    + "`errors` names each field"),
            Map.entry("BAD_REQUEST", "the request is malformed before it reaches the operation, e.g. a path segment "
                    + "`..` or an encoded slash"),
            Map.entry("NON_CANONICAL_PATH", "the path is not spelled in its one canonical form: a percent-encoded letter, "
                    + "digit or `-._~`, an encoded `/`, `\\`, `;` or `%`, an empty or dot segment, or `;` parameters"),
            Map.entry("UNAUTHENTICATED", "no valid access token"),
            Map.entry("TOKEN_REVOKED", "the access token was logged out"),
            Map.entry("ACCOUNT_SUSPENDED", "the account is suspended"),
            Map.entry("FORBIDDEN", "the account may not do this"),
            Map.entry("NOT_FOUND", "no such resource, or none the caller may know of"),
            Map.entry("CONCURRENT_MODIFICATION", "changed at the same moment by another request; nothing was done, "
                    + "send it again"),
            Map.entry("PAYLOAD_TOO_LARGE", "the body is larger than the limit: 1 MB by default, 64 KB for Paystack "
                    + "deliveries"),
            Map.entry("NOT_ACCEPTABLE", "the Accept header admits none of the media types the operation answers"),
            Map.entry("UNSUPPORTED_MEDIA_TYPE", "the body is not sent as application/json"),
            Map.entry("RATE_LIMITED", "too many requests: wait Retry-After seconds"),
            Map.entry("STORE_UNAVAILABLE", "a database does not answer; nothing was done, send it again after "
                    + "Retry-After seconds"),
            Map.entry("TOKEN_CHECK_UNAVAILABLE", "whether the token was revoked cannot be checked right now, Redis "
                    + "not answering; nothing was done, send it again after Retry-After seconds"),
            Map.entry("COMMAND_OUTCOME_UNKNOWN", "with Axon Server, the instance handling the command did not answer "
                    + "in time: it may have taken effect; read the resource, or send it again where that is safe"),
            Map.entry("QUERY_UNANSWERED", "with Axon Server, the instance answering the read was lost or did not "
                    + "answer in time; nothing was changed, send it again after Retry-After seconds"),
            Map.entry("READ_MODEL_BEHIND", "the `Read-Position` presented is not shown by the read model yet, after "
                    + "waiting for it; send the request again after Retry-After seconds"),
            Map.entry("PAYMENTS_NOT_CONFIGURED", "payments through Paystack are off on this server"),
            Map.entry("PAYSTACK_UNAVAILABLE", "Paystack refused or did not answer a call made for this request; try "
                    + "again shortly"),
            Map.entry("IDEMPOTENCY_KEY_REUSED", "the Idempotency-Key was used for another request, with another body or "
                    + "at another endpoint; nothing was done"),
            Map.entry("IDEMPOTENCY_KEY_IN_USE", "a request with this Idempotency-Key is being served right now; send it "
                    + "again after Retry-After seconds for its answer"));

    /** The refusals of an access token, which come with {@code WWW-Authenticate}. */
    private static final Set<String> TOKEN_REFUSALS = Set.of("UNAUTHENTICATED", "TOKEN_REVOKED", "ACCOUNT_SUSPENDED");

    /** Codes whose answer carries {@code Retry-After}. */
    private static final Set<String> RETRY_AFTER = Set.of("STORE_UNAVAILABLE", "TOKEN_CHECK_UNAVAILABLE",
            "COMMAND_OUTCOME_UNKNOWN", "QUERY_UNANSWERED", "READ_MODEL_BEHIND", "RATE_LIMITED", "IDEMPOTENCY_KEY_IN_USE",
            "GEOCODING_BUDGET_SPENT", "VERIFICATION_RESEND_TOO_SOON", "VERIFICATION_SENDS_EXHAUSTED");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        boolean body = operation.getRequestBody() != null;
        boolean query = operation.getParameters() != null
                && operation.getParameters().stream().map(Parameter::getIn).anyMatch("query"::equals);

        boolean path = operation.getParameters() != null
                && operation.getParameters().stream().map(Parameter::getIn).anyMatch("path"::equals);
        boolean answersBody = operation.getResponses() != null && operation.getResponses().entrySet().stream()
                .anyMatch(response -> response.getKey().startsWith("2") && response.getValue().getContent() != null
                        && !response.getValue().getContent().isEmpty());

        Map<Integer, Set<String>> codes = new TreeMap<>();
        if (body || query) {
            add(codes, 400, "INVALID_REQUEST");
        }
        if (path) {
            add(codes, 400, "BAD_REQUEST");
        }
        // any path can be sent spelled otherwise
        add(codes, 400, CanonicalPathFilter.CODE);
        // a token is checked wherever one is sent, also where none is needed
        add(codes, 401, "UNAUTHENTICATED", "TOKEN_REVOKED", "ACCOUNT_SUSPENDED");
        if (roleRequired(handler)) {
            add(codes, 403, "FORBIDDEN");
        }
        if (answersBody) {
            add(codes, 406, "NOT_ACCEPTABLE");
        }
        if (body) {
            add(codes, 413, "PAYLOAD_TOO_LARGE");
            add(codes, 415, "UNSUPPORTED_MEDIA_TYPE");
        }
        add(codes, 429, "RATE_LIMITED");
        if (secured) {
            add(codes, 503, "STORE_UNAVAILABLE");
        }
        if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), SendsCommand.class)) {
            add(codes, 409, "CONCURRENT_MODIFICATION");
            add(codes, 503, "COMMAND_OUTCOME_UNKNOWN");
        }
        if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), Idempotent.class)) {
            add(codes, 400, "INVALID_REQUEST");
            add(codes, 409, "IDEMPOTENCY_KEY_IN_USE");
            add(codes, 422, "IDEMPOTENCY_KEY_REUSED");
        }
        if (readsThroughQueries(handler)) {
            add(codes, 503, "QUERY_UNANSWERED");
        }
        if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), AwaitsReadPosition.class)) {
            add(codes, 400, "INVALID_REQUEST");
            add(codes, 503, ReadPositions.BEHIND);
        }
        for (ProblemResponse particular : AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(),
                ProblemResponse.class)) {
            add(codes, particular.status(), particular.codes());
        }

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        codes.forEach((status, answered) -> responses.addApiResponse(Integer.toString(status), response(status, answered, secured)));
        operation.setResponses(responses);
        return operation;
    }

    /** A GET of a controller that asks the query bus: the instance answering may be another one, and be lost. */
    private static boolean readsThroughQueries(HandlerMethod handler) {
        return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), GetMapping.class)
                && Arrays.stream(handler.getBeanType().getDeclaredConstructors())
                .flatMap(constructor -> Arrays.stream(constructor.getParameterTypes()))
                .anyMatch(QueryGateway.class::equals);
    }

    private static boolean roleRequired(HandlerMethod handler) {
        return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class);
    }

    private static void add(Map<Integer, Set<String>> codes, int status, String... answered) {
        if (status < 400 || status > 599 || answered.length == 0) {
            throw new IllegalStateException("A problem response needs a 4xx or 5xx status and a code: " + status);
        }
        codes.computeIfAbsent(status, s -> new LinkedHashSet<>()).addAll(java.util.List.of(answered));
    }

    /** The response for {@code status}: a Problem, its codes and what they mean, and the headers that come with it. */
    static ApiResponse response(int status, Set<String> codes, boolean secured) {
        String listed = codes.stream()
                .map(code -> MEANINGS.containsKey(code) ? "`" + code + "` (" + MEANINGS.get(code) + ")" : "`" + code + "`")
                .collect(Collectors.joining(", "));
        String publicNote = status == 401 && !secured
                ? " No access token is needed here, but one sent anyway is checked: an invalid one is refused." : "";
        ApiResponse response = new ApiResponse()
                .description(HttpStatus.valueOf(status).getReasonPhrase() + ". Problem codes: " + listed + "." + publicNote)
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref(PROBLEM))));
        if (codes.stream().anyMatch(TOKEN_REFUSALS::contains)) {
            response.addHeaderObject("WWW-Authenticate", new Header()
                    .description("`Bearer`, or `Bearer error=\"invalid_token\"` for a revoked or suspended account's token")
                    .schema(new StringSchema()));
        }
        if (codes.stream().anyMatch(RETRY_AFTER::contains)) {
            response.addHeaderObject("Retry-After", integer(status == 429
                    ? "Seconds until the next request is allowed"
                    : "Seconds after which the request may be sent again (" + codes.stream().filter(RETRY_AFTER::contains)
                    .collect(Collectors.joining(", ")) + ")"));
        }
        if (status == 429) {
            response.addHeaderObject("RateLimit-Limit", integer("Requests allowed per period in this endpoint's group"));
            response.addHeaderObject("RateLimit-Remaining", integer("Requests left now (0)"));
            response.addHeaderObject("RateLimit-Reset", integer("Seconds until the allowance is full again"));
        }
        return response;
    }

    private static Header integer(String description) {
        return new Header().description(description).schema(new IntegerSchema());
    }
}
