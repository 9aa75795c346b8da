package dev.gigstream.api.web.openapi;

import dev.gigstream.api.web.Idempotent;
import dev.gigstream.api.web.ratelimit.RateLimit;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.Money;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The OpenAPI document at {@code /v3/api-docs}: the contract client developers build on. springdoc
 * reads the controllers; this adds what it cannot read: the description, the tags, the shared
 * {@code ProblemDetails} of every error answer ({@link ProblemResponses}), money exactly as it is
 * written, schema names the messages module cannot carry ({@link SchemaNames}), and examples, required
 * and nullable answer fields and UUID ids ({@link SchemaFacts}). {@code docs/openapi.json} is its snapshot,
 * checked by a test and linted in the build.
 * <p>
 * Every schema is named by one rule, for the client developers who live in the generated models: the
 * resource, then its role ({@code JobDetails}, {@code FeedPage}, {@code OpenDisputeRequest}). Types of
 * this module say it with {@code @Schema(name = ...)}; {@link SchemaNames#OF_MESSAGES} says it for the
 * messages module's. {@code SchemaNamingTest} holds the document to the rule.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String DESCRIPTION = """
            The backend of a shift and gig-work marketplace in Nigeria (NGN) and Ghana (GHS).

            **What there is.** Clients post shifts (**Jobs**); workers with a profile (**Workers**) apply, and \
            the client reads its applicants ranked (premium first, then Bayesian rating, reliability, last \
            online) and hires one. Matching also offers every new job to the best-fitting workers nearby \
            (`listOffers`). Hiring opens an escrow for the pay plus the service fee, paid on Paystack's \
            checkout page (**Payments**; Paystack's signed events arrive at **Webhooks**). The worker checks \
            in and out on site (geofenced, 300 m); the client confirms, or the confirmation window confirms \
            by itself, and the escrow pays the worker through a Paystack transfer. During the shift the hired \
            worker shares a live location and may hand out a time-limited safety link (**Location**). Either \
            party may open a dispute that freezes the money until an admin decides (**Disputes**); after a \
            completed job both rate each other, double-blind (**Ratings**). Users get **Notifications** \
            (also pushed live over STOMP at `/ws`, outside this document); workers may buy a monthly \
            premium subscription. Admins handle abuse reports and suspensions (**Moderation**), flags raised \
            by the compliance rules (**Compliance**), escrows waiting for an operator, projections, parked \
            events, platform numbers and the finance export (**Admin**); auditors and admins read the event \
            store (**Audit**). Addresses are geocoded with **Geocoding**.

            **Signing in.** `registerUser`, then `logIn` for a 15-minute bearer access token (a JWT) and a \
            refresh token that rotates on every `refreshTokens`. Every operation needs \
            `Authorization: Bearer <access token>` unless it says `security: []`; an invalid token is refused \
            with 401 even there.

            **Values.** Ids are UUIDs. Times are ISO-8601 instants in UTC. Money is `{amount, currency}` (`MoneyAmount`), \
            the amount an integer in minor units (kobo, pesewas), never a decimal. JSON is strict: unknown \
            fields, numbers for text or enums and text for numbers are refused.

            **Errors** are RFC 9457 problem details (`application/problem+json`, schema `ProblemDetails`) with a \
            stable `code`, the request's `correlationId` (send `X-Correlation-Id` to choose it) and, for bad \
            input, an `errors` list naming the fields. Each operation lists the statuses and codes it answers.

            **Retries.** Every `POST` that creates something takes an `Idempotency-Key` header: a retry with the \
            same key and request within 24 hours answers the first answer again (`Idempotent-Replayed: true`) \
            without acting twice; the key with another request is 422 `IDEMPOTENCY_KEY_REUSED`.

            **Rate limits.** Every operation is rate limited, per user with a token and per client address \
            without one: answers carry `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`; over \
            the limit the answer is 429 `RATE_LIMITED` with `Retry-After`.
            """;

    /** The hand-written schemas' names. */
    static final String PROBLEM = "ProblemDetails";
    static final String FIELD_ERROR = "FieldErrorItem";
    static final String MONEY = "MoneyAmount";

    /** The tags, in the order a reader meets the features. */
    static final List<Tag> TAGS = List.of(
            tag("Auth", "Accounts and tokens: sign up, log in, refresh, log out, who am I, and one's phone number "
                    + "with its verification by a code sent to it"),
            tag("Jobs", "Posting shifts, the job feed, applications, ranked applicants, hiring, attendance "
                    + "(check-in and check-out), confirmation, no-shows and cancellation"),
            tag("Ratings", "Double-blind ratings of a completed job's parties, and a user's averages"),
            tag("Location", "The hired worker's live location during a shift, and safety links that show it "
                    + "to anyone holding one"),
            tag("Notifications", "The signed-in user's inbox"),
            tag("Personal data", "Everything held about the signed-in user, as one document"),
            tag("Disputes", "Disputes about a funded job: opening, evidence, withdrawal, and the admins' queue "
                    + "and decision"),
            tag("Payments", "Escrows, verifying a payment at Paystack, and the operators' stuck payouts"),
            tag("Webhooks", "Paystack's signed events"),
            tag("Workers", "Worker profiles, live job offers, and the premium subscription"),
            tag("Moderation", "Abuse reports, suspensions and reinstatements"),
            tag("Compliance", "Flags raised by the compliance rules, for admins to review"),
            tag("Admin", "Platform numbers, the finance export, projections and parked events"),
            tag("Audit", "The event store, read-only, for auditors and admins"),
            tag("Geocoding", "Addresses as points on the map"));

    /**
     * The server is "/", the deployment that serves the document, not the address a request for it came in
     * on: the document is the same however it is fetched (its snapshot can be compared), and a client sets
     * the deployment's address itself.
     */
    @Bean
    OpenAPI gigstreamOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Gigstream API").version("v1").description(DESCRIPTION)
                        .license(new License().name("Proprietary: all rights reserved")
                                .identifier("LicenseRef-Gigstream-Proprietary")))
                .servers(List.of(new Server().url("/").description("The server this document is served by")))
                .tags(TAGS)
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("The access token from logIn or refreshTokens"))
                        .schemas(handWrittenSchemas()))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    IdempotencyKeyParameter idempotencyKeyParameter() {
        return new IdempotencyKeyParameter();
    }

    @Bean
    ReadPositionHeaders readPositionHeaders() {
        return new ReadPositionHeaders();
    }

    @Bean
    ValidationBounds validationBounds() {
        return new ValidationBounds();
    }

    @Bean
    SchemaNames schemaNames() {
        Map<Class<?>, Supplier<Schema<?>>> standIns = new LinkedHashMap<>();
        standIns.put(Money.class, () -> new JsonSchema().$ref("#/components/schemas/" + MONEY));
        standIns.put(tools.jackson.databind.JsonNode.class, () -> new JsonSchema().typesItem("object")
                .additionalProperties(true).description("A JSON object"));
        return new SchemaNames(SchemaNames.OF_MESSAGES, standIns);
    }

    @Bean
    SchemaFacts schemaFacts(SchemaNames names) {
        return new SchemaFacts(SchemaFacts.load(Json31.mapper()), names, handWrittenSchemas().keySet());
    }

    /** The schemas no Java type of an answer stands for as it is written. */
    static Map<String, Schema> handWrittenSchemas() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        schemas.put(PROBLEM, new JsonSchema().typesItem("object")
                .description("An RFC 9457 problem: every error answer, `application/problem+json`")
                .required(List.of("type", "title", "status", "code"))
                .addProperty("type", string("A URI naming the code: `https://gigstream.dev/problems/` and the code in "
                        + "lower case with hyphens").format("uri"))
                .addProperty("title", string("A short summary of the kind of problem"))
                .addProperty("status", new JsonSchema().typesItem("integer").format("int32").minimum(java.math.BigDecimal
                        .valueOf(400)).maximum(java.math.BigDecimal.valueOf(599)).description("The HTTP status"))
                .addProperty("detail", string("What went wrong, for a person"))
                .addProperty("instance", string("The request's path").format("uri-reference"))
                .addProperty("code", string("What went wrong, for a program: stable, e.g. `JOB_NOT_OPEN`; each operation "
                        + "lists the codes it answers"))
                .addProperty("correlationId", string("The request's correlation id: its `X-Correlation-Id` (8 to 64 "
                        + "letters, digits and `._:-`) or a UUID made for it; also in the logs and in the metadata of the "
                        + "events the request caused"))
                .addProperty("errors", new JsonSchema().typesItem("array").description("For INVALID_REQUEST: each field "
                        + "that is wrong").items(new JsonSchema().$ref("#/components/schemas/" + FIELD_ERROR)))
                .example(Map.of("type", "https://gigstream.dev/problems/invalid-request", "title", "Invalid request",
                        "status", 400, "detail", "Invalid value for title", "instance", "/api/v1/jobs",
                        "code", "INVALID_REQUEST", "correlationId", "8d0d7c63-2f55-4d43-9a34-6a4f1ad9e0b4",
                        "errors", List.of(Map.of("field", "title", "message", "size must be between 3 and 120")))));
        schemas.put(FIELD_ERROR, new JsonSchema().typesItem("object").description("A field of the request that is wrong")
                .required(List.of("field", "message"))
                .addProperty("field", string("The field's path in the body (`location.lat`, `skills[2]`), or the "
                        + "parameter's name"))
                .addProperty("message", string("What is wrong with it"))
                .example(Map.of("field", "pay.amount", "message", "must be greater than 0")));
        schemas.put(MONEY, new JsonSchema().typesItem("object")
                .description("An amount of one currency in minor units (kobo for NGN, pesewas for GHS): an integer, never "
                        + "a decimal. Amounts of different currencies are never added up.")
                .required(List.of("amount", "currency"))
                .addProperty("amount", new JsonSchema().typesItem("integer").format("int64")
                        .description("In minor units: 1500000 NGN is ₦15,000"))
                .addProperty("currency", new JsonSchema().typesItem("string")._enum(Arrays.stream(Currency.values())
                        .<Object>map(Enum::name).toList()))
                .example(Map.of("amount", 1_500_000, "currency", "NGN")));
        return schemas;
    }

    private static Schema<Object> string(String description) {
        return new JsonSchema().typesItem("string").description(description);
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }
}
