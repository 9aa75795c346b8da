package dev.gigstream.api.hardening;

import dev.gigstream.api.testsupport.Api;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The running application's own OpenAPI document, read for its operations and their parameter and
 * body schemas, so the hardening suites cover every endpoint the application serves, new ones too.
 */
final class OpenApiDocument {

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    static OpenApiDocument of(Api api) {
        return new OpenApiDocument(api.get("/v3/api-docs", null).expect(200).json());
    }

    /** Every operation in the document, in a fixed order (path, then method) so seeded runs repeat. */
    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (var path : root.get("paths").properties()) {
            for (var method : path.getValue().properties()) {
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), method.getValue()));
            }
        }
        operations.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return operations;
    }

    /** The schema itself, or the component a {@code $ref} names. */
    JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String name = ref.asText().substring("#/components/schemas/".length());
        return resolve(root.get("components").get("schemas").get(name));
    }

    record Operation(String method, String path, JsonNode node) {

        String key() {
            return method + " " + path;
        }

        List<JsonNode> parameters(String in) {
            List<JsonNode> parameters = new ArrayList<>();
            for (JsonNode parameter : node.path("parameters")) {
                if (in.equals(parameter.get("in").asText())) {
                    parameters.add(parameter);
                }
            }
            return parameters;
        }

        List<String> pathParameters() {
            return parameters("path").stream().map(p -> p.get("name").asText()).toList();
        }

        /** The schema of a JSON request body, when the operation takes one. */
        Optional<JsonNode> jsonBody() {
            return Optional.ofNullable(node.path("requestBody").path("content").get("application/json"))
                    .map(content -> content.get("schema"));
        }
    }
}
