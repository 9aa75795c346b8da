package dev.gigstream.api.web.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.util.AnnotationsUtils;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What the schemas made from Java types cannot tell by themselves, added to the OpenAPI document:
 * <ul>
 * <li>an example of every body, and a description where the record's Javadoc says something a client
 * must know, from {@code openapi/schemas.json} (examples in JSON, where they are easy to read and keep);</li>
 * <li>which fields of an answer are always there: Jackson writes every field of a record, null or not,
 * so every field of a schema that only answers use is required, and those listed as {@code nullable}
 * there may be null; a record that leaves out its null fields ({@code @JsonInclude(NON_NULL)}) requires
 * only the others. Schemas that requests use too keep the requirements of their bean validation;</li>
 * <li>ids are UUIDs: every string field or path parameter whose name ends in {@code Id} (but
 * {@link #NOT_UUIDS}, and a schema's {@code plainIds}, such as an id echoed as it was asked for) has the
 * {@code uuid} format.</li>
 * </ul>
 * A fact about a schema or field the document does not have is a mistake here, and refused.
 */
final class SchemaFacts implements OpenApiCustomizer {

    static final String RESOURCE = "openapi/schemas.json";
    private static final String REF = "#/components/schemas/";
    /**
     * Ids that are not UUIDs: a ledger posting is its event's id with an index, an event id is Axon's, a
     * correlation id is whatever the caller sent in {@code X-Correlation-Id}.
     */
    private static final Set<String> NOT_UUIDS = Set.of("entryId", "eventId", "correlationId");
    /** UUIDs in fields not named {@code ...Id}: who did something (an account id), a notification's id. */
    private static final Set<String> OTHER_UUIDS = Set.of("id", "by", "openedBy", "resolvedBy", "acknowledgedBy", "closedBy");

    private final Map<String, JsonNode> facts;
    private final SchemaNames names;
    /** Schemas written by hand, with their requirements: left as they are. */
    private final Set<String> handWritten;

    SchemaFacts(Map<String, JsonNode> facts, SchemaNames names, Set<String> handWritten) {
        this.facts = Map.copyOf(facts);
        this.names = names;
        this.handWritten = Set.copyOf(handWritten);
    }

    /** The facts of {@link #RESOURCE}, by schema name. */
    static Map<String, JsonNode> load(ObjectMapper json) {
        try (InputStream in = SchemaFacts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            JsonNode root = json.readTree(Objects.requireNonNull(in, RESOURCE + " is missing from the classpath"));
            Map<String, JsonNode> facts = new LinkedHashMap<>();
            root.properties().forEach(entry -> facts.put(entry.getKey(), entry.getValue()));
            return facts;
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + " is not JSON", e);
        }
    }

    @Override
    public void customise(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        Set<String> requested = reachable(openApi, schemas, operation -> operation.getRequestBody() == null ? Stream.empty()
                : contentSchemas(operation.getRequestBody().getContent()));
        Set<String> answered = reachable(openApi, schemas, operation -> operation.getResponses() == null ? Stream.empty()
                : operation.getResponses().values().stream().flatMap(response -> contentSchemas(response.getContent())));
        facts.forEach((name, fact) -> {
            Schema<?> schema = schemas.get(name);
            if (schema == null) {
                throw new IllegalStateException(RESOURCE + " describes " + name + ", which the document has no schema of");
            }
            if (fact.has("description")) {
                schema.setDescription(fact.get("description").asText());
            }
            if (fact.has("example")) {
                schema.setExample(fact.get("example"));
            }
        });
        schemas.forEach((name, schema) -> {
            if (answered.contains(name) && !requested.contains(name) && !handWritten.contains(name)
                    && schema.getProperties() != null) {
                requireAnswerFields(name, schema);
            } else if (facts.containsKey(name) && facts.get(name).has("nullable")) {
                throw new IllegalStateException(RESOURCE + " lists nullable fields of " + name
                        + ", which is not an answer's alone: only answers' fields are all required");
            }
            Map<String, Schema> properties = schema.getProperties();
            if (properties != null) {
                Set<String> plain = new HashSet<>();
                if (facts.containsKey(name)) {
                    facts.get(name).path("plainIds").forEach(field -> plain.add(field.asText()));
                }
                properties.forEach((field, property) -> {
                    if (!plain.contains(field)) {
                        markUuid(field, property);
                    }
                });
            }
        });
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getParameters() != null) {
                    // a parameter's schema may be one instance shared by many parameters: each gets its own copy
                    operation.getParameters().stream().filter(p -> "path".equals(p.getIn())).forEach(p -> {
                        p.setSchema(AnnotationsUtils.clone(p.getSchema(), true));
                        markUuid(p.getName(), p.getSchema());
                    });
                }
            }));
        }
    }

    private void requireAnswerFields(String name, Schema<?> schema) {
        Set<String> nullable = new HashSet<>();
        JsonNode listed = facts.containsKey(name) ? facts.get(name).get("nullable") : null;
        if (listed != null) {
            listed.forEach(field -> nullable.add(field.asText()));
        }
        for (String field : nullable) {
            if (!schema.getProperties().containsKey(field)) {
                throw new IllegalStateException(RESOURCE + " says " + name + "." + field + " may be null, but "
                        + name + " has no such field");
            }
        }
        List<String> required = new ArrayList<>();
        Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
        properties.forEach((field, property) -> {
            boolean mayBeNull = nullable.contains(field);
            if (names.omitsNulls(name)) {
                if (!mayBeNull) {
                    required.add(field);
                }
            } else {
                required.add(field);
                if (mayBeNull) {
                    schema.getProperties().put(field, orNull(property));
                }
            }
        });
        schema.setRequired(required);
    }

    /** The property, or null: a type list that includes null, or a reference one of whose alternatives is null. */
    private static Schema<?> orNull(Schema<?> property) {
        if (property.get$ref() != null) {
            Schema<?> either = new JsonSchema().oneOf(List.of(new JsonSchema().$ref(property.get$ref()),
                    new JsonSchema().typesItem("null")));
            either.setDescription(property.getDescription());
            return either;
        }
        property.addType("null");
        return property;
    }

    private static void markUuid(String name, Schema<?> schema) {
        if (schema == null || name == null) {
            return;
        }
        boolean id = name.endsWith("Id") && !NOT_UUIDS.contains(name) || OTHER_UUIDS.contains(name);
        if (id && isString(schema) && schema.getFormat() == null) {
            schema.setFormat("uuid");
        }
    }

    private static boolean isString(Schema<?> schema) {
        return "string".equals(schema.getType()) || schema.getTypes() != null && schema.getTypes().contains("string");
    }

    private static Stream<Schema> contentSchemas(Content content) {
        return content == null ? Stream.empty() : content.values().stream().map(media -> media.getSchema()).filter(Objects::nonNull);
    }

    /** The names of the component schemas the operations' bodies reach, through references, items and properties. */
    private static Set<String> reachable(OpenAPI openApi, Map<String, Schema> schemas,
                                         Function<Operation, Stream<Schema>> bodies) {
        Set<String> names = new HashSet<>();
        Deque<Schema> todo = new ArrayDeque<>();
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(op -> bodies.apply(op).forEach(todo::add)));
        }
        while (!todo.isEmpty()) {
            Schema<?> schema = todo.pop();
            if (schema.get$ref() != null) {
                String name = schema.get$ref().substring(REF.length());
                if (names.add(name) && schemas.containsKey(name)) {
                    todo.add(schemas.get(name));
                }
                continue;
            }
            Stream.of(schema.getItems(), schema.getAdditionalProperties() instanceof Schema<?> values ? values : null)
                    .filter(Objects::nonNull).forEach(todo::add);
            Stream.of(schema.getProperties() == null ? null : schema.getProperties().values(),
                            schema.getOneOf(), schema.getAnyOf(), schema.getAllOf())
                    .filter(Objects::nonNull).flatMap(java.util.Collection::stream).forEach(todo::add);
        }
        return names;
    }
}
