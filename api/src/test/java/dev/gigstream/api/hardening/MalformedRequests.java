package dev.gigstream.api.hardening;

import dev.gigstream.api.hardening.OpenApiDocument.Operation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Requests an operation should refuse, made from its OpenAPI schemas: each body field in turn given
 * the wrong JSON type, null, left out, emptied, made huge, pushed past its bounds or enum; bodies that
 * are not JSON or not declared as such; path ids, query and header parameters that are malformed or out
 * of range; the path spelled non-canonically (encoded, doubled slashes, dot segments, {@code ;} parameters).
 * Also the operation's one well-formed request, to find who may call it.
 */
final class MalformedRequests {

    /** A request to send: {@code path} includes any query; {@code contentType} and {@code body} may be null. */
    record Request(String description, String method, String path, String contentType, String body,
                   Map<String, String> headers) {

        Request(String description, String method, String path, String contentType, String body) {
            this(description, method, path, contentType, body, Map.of());
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Stands for a raw JSON token (a number no Java type holds) that the serialized body gets in its place. */
    private static final String RAW = "__raw__:";
    private static final String HUGE = "x".repeat(20_000);
    private static final List<String> STRING_EXAMPLES = List.of("08:00", "18:00", "058", "0123456789",
            "+2348012345678", "NG", "Fuzzed value");

    private final OpenApiDocument document;
    /** Real ids for path parameters of these names, so well-formed requests reach past the lookup. */
    private final Map<String, String> knownIds;

    MalformedRequests(OpenApiDocument document, Map<String, String> knownIds) {
        this.document = document;
        this.knownIds = knownIds;
    }

    /** The operation's well-formed request: every parameter and body field with a value its schema allows. */
    Request wellFormed(Operation operation) {
        String path = path(operation, Map.of()) + query(operation, null, null);
        return operation.jsonBody()
                .map(schema -> new Request("well-formed", operation.method(), path, "application/json",
                        example(schema, "body").toString()))
                .orElse(new Request("well-formed", operation.method(), path, null, null));
    }

    /** Every malformed variant of the operation's request. */
    List<Request> malformed(Operation operation) {
        List<Request> requests = new ArrayList<>();
        Request valid = wellFormed(operation);
        String validPath = path(operation, Map.of());
        String validQuery = query(operation, null, null);
        for (String name : operation.pathParameters()) {
            for (String odd : List.of("not-a-uuid", UUID.randomUUID().toString(), "00000000-0000-0000-0000-000000000000",
                    "-1", "9223372036854775808", "%27%20OR%201%3D1--", "%E2%98%83", "%3Cscript%3E", "a".repeat(300),
                    "%20", "null", "..", "1e308")) {
                requests.add(new Request("path " + name + "=" + abbreviate(odd), operation.method(),
                        path(operation, Map.of(name, odd)) + validQuery, valid.contentType(), valid.body()));
            }
        }
        CanonicalPathIT.nonCanonical(validPath).forEach((spelling, spelled) -> requests.add(new Request(
                "path with " + spelling, operation.method(), spelled + validQuery, valid.contentType(), valid.body())));
        for (JsonNode parameter : operation.parameters("query")) {
            String name = parameter.get("name").asText();
            for (String odd : queryValues(parameter.path("schema"))) {
                requests.add(new Request("query " + name + "=" + abbreviate(odd), operation.method(),
                        validPath + query(operation, name, odd), valid.contentType(), valid.body()));
            }
            requests.add(new Request("query " + name + " twice", operation.method(),
                    validPath + query(operation, null, null) + sep(operation) + name + "=1&" + name + "=2",
                    valid.contentType(), valid.body()));
        }
        String target = validPath + validQuery;
        for (JsonNode parameter : operation.parameters("header")) { // Idempotency-Key
            String name = parameter.get("name").asText();
            for (String odd : List.of("", "   ", "k".repeat(256), "k".repeat(10_000), "%00", "\\u0000")) {
                requests.add(new Request("header " + name + "=" + abbreviate(odd), operation.method(), target,
                        valid.contentType(), valid.body(), Map.of(name, odd)));
            }
        }
        for (String accept : List.of("text/html", "application/xml", "image/png", "text/csv", "*/*;q=0")) {
            requests.add(new Request("accept " + accept, operation.method(), target, valid.contentType(), valid.body(),
                    Map.of("Accept", accept)));
        }
        for (String authorization : List.of("Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "Bearer a.b.c",
                "Bearer " + "x".repeat(10_000), "bearer  x")) {
            requests.add(new Request("authorization " + abbreviate(authorization), operation.method(), target,
                    valid.contentType(), valid.body(), Map.of("Authorization", authorization)));
        }
        if (operation.jsonBody().isPresent()) {
            JsonNode schema = operation.jsonBody().get();
            JsonNode example = example(schema, "body");
            for (var mutation : fieldMutations(schema, example, "")) {
                requests.add(new Request(mutation.getKey(), operation.method(), target, "application/json",
                        serialize(mutation.getValue())));
            }
            for (var body : wholeBodies().entrySet()) {
                requests.add(new Request("body " + body.getKey(), operation.method(), target, "application/json", body.getValue()));
            }
            for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data", "application/json; charset=ISO-8859-1", "application/*")) {
                requests.add(new Request("content type " + type, operation.method(), target, type, example.toString()));
            }
            requests.add(new Request("no content type", operation.method(), target, null, example.toString()));
        } else if (!operation.method().equals("GET") && !operation.method().equals("HEAD")) {
            requests.add(new Request("unexpected body", operation.method(), target, "application/json", "{\"unexpected\":1}"));
            requests.add(new Request("unexpected non-JSON body", operation.method(), target, "text/plain", "not json"));
        }
        return requests;
    }

    private Map<String, String> wholeBodies() {
        return Map.ofEntries(
                Map.entry("not JSON", "this is not json"),
                Map.entry("truncated JSON", "{\"a\": [1, 2"),
                Map.entry("empty", ""),
                Map.entry("JSON null", "null"),
                Map.entry("JSON array", "[]"),
                Map.entry("JSON string", "\"text\""),
                Map.entry("JSON number", "42"),
                Map.entry("nested 5000 deep", "[".repeat(5000) + "]".repeat(5000)),
                Map.entry("object nested 2000 deep", "{\"a\":".repeat(2000) + "1" + "}".repeat(2000)),
                Map.entry("duplicate keys", "{\"a\":1,\"a\":2}"),
                Map.entry("lone surrogate", "{\"a\":\"\\ud800\"}"),
                Map.entry("NaN", "{\"a\":NaN}"),
                Map.entry("over the size limit", "{\"a\":\"" + "x".repeat(2_000_000) + "\"}"));
    }

    /** The body with one field changed, labelled, for every field (nested objects too) and every way to break it. */
    private List<Map.Entry<String, JsonNode>> fieldMutations(JsonNode schema, JsonNode example, String prefix) {
        List<Map.Entry<String, JsonNode>> mutations = new ArrayList<>();
        JsonNode object = document.resolve(schema);
        if (!(example instanceof ObjectNode exampleObject)) {
            return mutations;
        }
        ObjectNode extra = exampleObject.deepCopy();
        extra.put("unexpectedField", 1);
        mutations.add(Map.entry(prefix + "unknown field", extra));
        for (var property : object.path("properties").properties()) {
            String name = property.getKey();
            JsonNode field = document.resolve(property.getValue());
            String label = prefix + name;
            ObjectNode missing = exampleObject.deepCopy();
            missing.remove(name);
            mutations.add(Map.entry(label + " missing", missing));
            for (var odd : oddValues(field, name).entrySet()) {
                ObjectNode changed = exampleObject.deepCopy();
                changed.set(name, odd.getValue());
                mutations.add(Map.entry(label + " " + odd.getKey(), changed));
            }
            for (var nested : fieldMutations(field, exampleObject.get(name), label + ".")) {
                ObjectNode changed = exampleObject.deepCopy();
                changed.set(name, nested.getValue());
                mutations.add(Map.entry(nested.getKey(), changed));
            }
            if ("array".equals(field.path("type").asText()) && exampleObject.get(name) instanceof ArrayNode items
                    && !items.isEmpty()) {
                for (var nested : fieldMutations(field.get("items"), items.get(0), label + "[0].")) {
                    ObjectNode changed = exampleObject.deepCopy();
                    changed.set(name, NODES.arrayNode().add(nested.getValue()));
                    mutations.add(Map.entry(nested.getKey(), changed));
                }
            }
        }
        return mutations;
    }

    private Map<String, JsonNode> oddValues(JsonNode schema, String name) {
        Map<String, JsonNode> odd = new java.util.LinkedHashMap<>();
        odd.put("null", NODES.nullNode());
        String type = schema.path("type").asText("object");
        switch (type) {
            case "string" -> {
                odd.put("as number", NODES.numberNode(42));
                odd.put("as boolean", NODES.booleanNode(true));
                odd.put("as object", NODES.objectNode());
                odd.put("as array", NODES.arrayNode().add("a"));
                odd.put("empty", NODES.stringNode(""));
                odd.put("blank", NODES.stringNode("   "));
                odd.put("huge", NODES.stringNode(HUGE));
                odd.put("control characters", NODES.stringNode("\u0000\u202e<script>alert(1)</script>'; --"));
                odd.put("not matching", NODES.stringNode("!!no match!!"));
                if (schema.has("maxLength")) {
                    odd.put("one too long", NODES.stringNode("y".repeat(schema.get("maxLength").asInt() + 1)));
                }
                if (schema.has("enum")) {
                    odd.put("not in enum", NODES.stringNode("NOT_A_VALUE"));
                    odd.put("enum in lower case", NODES.stringNode(schema.get("enum").get(0).asText().toLowerCase()));
                }
                if ("date-time".equals(schema.path("format").asText())) {
                    odd.put("not a date", NODES.stringNode("yesterday"));
                    odd.put("impossible date", NODES.stringNode("2026-02-30T25:61:00Z"));
                    odd.put("far future", NODES.stringNode("+999999999-12-31T23:59:59Z"));
                    odd.put("far past", NODES.stringNode("-999999999-01-01T00:00:00Z"));
                    odd.put("epoch", NODES.stringNode("1970-01-01T00:00:00Z"));
                    odd.put("no zone", NODES.stringNode("2026-12-01T08:00:00"));
                }
                if (name.endsWith("Id")) {
                    odd.put("not a uuid", NODES.stringNode("not-a-uuid"));
                    odd.put("unknown uuid", NODES.stringNode(UUID.randomUUID().toString()));
                }
            }
            case "integer", "number" -> {
                odd.put("as string", NODES.stringNode("12"));
                odd.put("as boolean", NODES.booleanNode(false));
                odd.put("as array", NODES.arrayNode().add(1));
                odd.put("as object", NODES.objectNode());
                odd.put("negative", NODES.numberNode(-1));
                odd.put("zero", NODES.numberNode(0));
                odd.put("Long.MAX_VALUE", NODES.numberNode(Long.MAX_VALUE));
                odd.put("Long.MIN_VALUE", NODES.numberNode(Long.MIN_VALUE));
                odd.put("1e308", raw("1e308"));
                odd.put("-1e308", raw("-1e308"));
                odd.put("1e999", raw("1e999"));
                odd.put("beyond long", raw("99999999999999999999999"));
                odd.put("fraction", NODES.numberNode(1.5));
                odd.put("tiny fraction", raw("4.9e-324"));
                if (schema.has("maximum")) {
                    odd.put("above maximum", NODES.numberNode(schema.get("maximum").asDouble() + 1));
                }
                if (schema.has("minimum")) {
                    odd.put("below minimum", NODES.numberNode(schema.get("minimum").asDouble() - 1));
                }
            }
            case "boolean" -> {
                odd.put("as string", NODES.stringNode("true"));
                odd.put("as number", NODES.numberNode(1));
            }
            case "array" -> {
                odd.put("as string", NODES.stringNode("a"));
                odd.put("as object", NODES.objectNode());
                odd.put("empty", NODES.arrayNode());
                odd.put("of null", NODES.arrayNode().addNull());
                odd.put("of wrong type", NODES.arrayNode().add(NODES.arrayNode()).add(7));
                ArrayNode many = NODES.arrayNode();
                JsonNode item = example(schema.get("items"), name);
                for (int i = 0; i < Math.max(1_000, schema.path("maxItems").asInt() + 1); i++) {
                    many.add(item.deepCopy());
                }
                odd.put("too many items", many);
            }
            default -> {
                odd.put("as string", NODES.stringNode("a"));
                odd.put("as number", NODES.numberNode(1));
                odd.put("as array", NODES.arrayNode());
                odd.put("empty object", NODES.objectNode());
            }
        }
        return odd;
    }

    private List<String> queryValues(JsonNode schema) {
        List<String> values = new ArrayList<>(List.of("", "%00", "%E2%98%83", "a".repeat(3_000), "%27%22%3C%3E"));
        switch (schema.path("type").asText()) {
            case "integer", "number" -> values.addAll(List.of("abc", "-1", "0", "9223372036854775807",
                    "9223372036854775808", "-9223372036854775808", "1e308", "1e999", "NaN", "Infinity", "-Infinity",
                    "1.5", "0x10", String.valueOf(schema.path("maximum").asLong(1_000_000) + 1)));
            case "boolean" -> values.addAll(List.of("maybe", "2", "TRUE%20"));
            default -> {
                if ("date-time".equals(schema.path("format").asText())) {
                    values.addAll(List.of("yesterday", "2026-02-30T25:61:00Z", "%2B999999999-12-31T23:59:59Z"));
                }
                if (schema.has("enum")) {
                    values.addAll(List.of("NOT_A_VALUE", schema.get("enum").get(0).asText().toLowerCase()));
                }
                values.addAll(List.of("yesterday", "-1", "not-a-uuid", "9223372036854775808"));
            }
        }
        return values;
    }

    /** A value the schema allows (as far as a schema can tell), for a field of this name. */
    JsonNode example(JsonNode schema, String name) {
        JsonNode resolved = document.resolve(schema);
        String type = resolved.path("type").asText(resolved.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                for (var property : resolved.path("properties").properties()) {
                    object.set(property.getKey(), example(property.getValue(), property.getKey()));
                }
                yield object;
            }
            case "array" -> NODES.arrayNode().add(example(resolved.get("items"), name));
            case "integer" -> NODES.numberNode(resolved.has("minimum") ? resolved.get("minimum").asLong() : 1);
            case "number" -> NODES.numberNode(resolved.has("minimum") && resolved.has("maximum")
                    ? (resolved.get("minimum").asDouble() + resolved.get("maximum").asDouble()) / 7 : 1.5);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.stringNode(exampleString(resolved, name));
        };
    }

    private static String exampleString(JsonNode schema, String name) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asText();
        }
        switch (schema.path("format").asText()) {
            case "date-time" -> {
                Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
                return (name.equals("end") || name.equals("to") ? start.plus(Duration.ofHours(8)) : start).toString();
            }
            case "email" -> {
                return "fuzz-" + UUID.randomUUID() + "@example.com";
            }
            default -> {
            }
        }
        if (name.endsWith("Id")) {
            return UUID.randomUUID().toString();
        }
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        Pattern pattern = schema.has("pattern") ? Pattern.compile(schema.get("pattern").asText()) : null;
        for (String candidate : STRING_EXAMPLES) {
            if ((pattern == null || pattern.matcher(candidate).matches())
                    && candidate.length() >= min && candidate.length() <= max) {
                return candidate;
            }
        }
        return "z".repeat(Math.max(min, 1));
    }

    private String path(Operation operation, Map<String, String> overrides) {
        String path = operation.path();
        for (String name : operation.pathParameters()) {
            String value = overrides.getOrDefault(name, knownIds.getOrDefault(name, UUID.randomUUID().toString()));
            path = path.replace("{" + name + "}", value);
        }
        return path;
    }

    /** The query of the well-formed request (every parameter with an allowed value) with one changed. */
    private String query(Operation operation, String changed, String value) {
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.parameters("query")) {
            String name = parameter.get("name").asText();
            String text = name.equals(changed) ? value : queryExample(parameter.path("schema"), name);
            query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(text);
        }
        return query.toString();
    }

    private String queryExample(JsonNode schema, String name) {
        String text = example(schema, name).asText();
        return text.replace("+", "%2B").replace(" ", "%20").replace(":", "%3A");
    }

    private static String sep(Operation operation) {
        return operation.parameters("query").isEmpty() ? "?" : "&";
    }

    private static JsonNode raw(String token) {
        return NODES.stringNode(RAW + token);
    }

    /** The body as JSON text, raw tokens put in place of their stand-ins. */
    private static String serialize(JsonNode body) {
        String text = body.toString();
        int at;
        while ((at = text.indexOf("\"" + RAW)) >= 0) {
            int end = text.indexOf('"', at + 1);
            String token = text.substring(at + 1 + RAW.length(), end);
            text = text.substring(0, at) + token + text.substring(end + 1);
        }
        return text;
    }

    static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

}
