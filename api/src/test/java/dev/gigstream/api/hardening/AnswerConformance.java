package dev.gigstream.api.hardening;

import dev.gigstream.api.hardening.OpenApiDocument.Operation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Whether a real JSON answer is what the OpenAPI document says its operation answers: the response of its
 * status is listed, required fields are there, only nullable ones are null, and types, enums and the
 * {@code uuid} and {@code date-time} formats hold, through references, items, maps and {@code oneOf}.
 * Enough of JSON Schema for the document this application serves, so the suites can hold every answer
 * they get against it.
 */
final class AnswerConformance {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OpenApiDocument document;

    AnswerConformance(OpenApiDocument document) {
        this.document = document;
    }

    /** What in the answer the document does not allow; empty when it conforms or is not a JSON answer. */
    List<String> violations(Operation operation, int status, String contentType, String body) {
        List<String> found = new ArrayList<>();
        if (contentType == null || !contentType.startsWith("application/json") || body == null || body.isEmpty()) {
            return found;
        }
        JsonNode schema = operation.node().path("responses").path(Integer.toString(status)).path("content")
                .path("application/json").path("schema");
        if (schema.isMissingNode()) {
            found.add(status + " application/json is not documented");
            return found;
        }
        check(schema, JSON.readTree(body), "body", found);
        return found;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> found) {
        JsonNode resolved = document.resolve(schema);
        if (resolved.has("oneOf")) {
            for (JsonNode alternative : resolved.get("oneOf")) {
                List<String> attempt = new ArrayList<>();
                check(alternative, value, at, attempt);
                if (attempt.isEmpty()) {
                    return;
                }
            }
            found.add(at + ": matches none of its alternatives: " + abbreviate(value));
            return;
        }
        List<String> types = new ArrayList<>();
        JsonNode type = resolved.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        if (value.isNull()) {
            if (!types.isEmpty() && !types.contains("null")) {
                found.add(at + " is null but not nullable");
            }
            return;
        }
        if (!types.isEmpty() && types.stream().noneMatch(t -> is(t, value))) {
            found.add(at + " should be " + types + ": " + abbreviate(value));
            return;
        }
        if (resolved.has("enum") && value.isTextual()) {
            boolean listed = false;
            for (JsonNode allowed : resolved.get("enum")) {
                listed |= allowed.asText().equals(value.asText());
            }
            if (!listed) {
                found.add(at + " = " + value.asText() + " is not in its enum");
            }
        }
        if (value.isTextual()) {
            String format = resolved.path("format").asText("");
            try {
                if (format.equals("uuid")) {
                    UUID.fromString(value.asText());
                } else if (format.equals("date-time")) {
                    Instant.parse(value.asText());
                }
            } catch (RuntimeException e) {
                found.add(at + " = " + value.asText() + " is not a " + format);
            }
        }
        if (value.isArray() && resolved.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(resolved.get("items"), value.get(i), at + "[" + i + "]", found);
            }
        }
        if (value.isObject()) {
            for (JsonNode required : resolved.path("required")) {
                if (!value.has(required.asText())) {
                    found.add(at + "." + required.asText() + " is required but missing");
                }
            }
            for (var field : value.properties()) {
                JsonNode property = resolved.path("properties").get(field.getKey());
                if (property != null) {
                    check(property, field.getValue(), at + "." + field.getKey(), found);
                } else if (resolved.path("additionalProperties").isObject()) {
                    check(resolved.get("additionalProperties"), field.getValue(), at + "." + field.getKey(), found);
                } else if (resolved.has("properties")) {
                    found.add(at + "." + field.getKey() + " is not documented");
                }
            }
        }
    }

    private static boolean is(String type, JsonNode value) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            case "null" -> value.isNull();
            default -> true;
        };
    }

    private static String abbreviate(JsonNode value) {
        return MalformedRequests.abbreviate(value.toString());
    }
}
