package dev.gigstream.api.web.openapi;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every schema of the OpenAPI document is named by one rule, because client developers live in the
 * models generated from it: the resource, then its role ({@code JobDetails}, {@code FeedPage},
 * {@code OpenDisputeRequest}). A bare verb or noun ({@code Open}, {@code Details}, {@code Item}) says
 * nothing once it is a model among ninety, and a name a generator reserves comes out renamed
 * ({@code File} becomes {@code ModelFile} in TypeScript). Read from {@code docs/openapi.json}, which
 * {@code OpenApiSnapshotIT} holds to the document the application serves.
 */
class SchemaNamingTest {

    /** The roles a schema's last word may name, and what each means. */
    static final Map<String, String> ROLES = roles(
            "Request", "a body a client sends",
            "Response", "the answer of an operation that does something",
            "Details", "one resource, or the facts of one, in full",
            "Summary", "a few figures about something, inside another body",
            "Page", "one page of a longer list: its items and where the page stands",
            "List", "a whole list: its items",
            "Item", "one entry of a list or of a stream",
            "Location", "a place: coordinates, an address, or both",
            "Point", "coordinates, with the time they were taken where there is one",
            "Period", "a start and an end",
            "Amount", "money: an integer of minor units and its currency");

    /**
     * Names that openapi-generator's clients reserve or that clash with what a generated client imports:
     * Java's and TypeScript's own types, and the generated runtimes' classes.
     */
    static final Set<String> RESERVED = Set.of(
            "Object", "String", "Number", "Integer", "Long", "Short", "Byte", "Double", "Float", "Boolean", "Character",
            "Void", "Class", "Enum", "Record", "Error", "Exception", "Throwable", "Thread", "Array", "List", "Set", "Map",
            "Collection", "Optional", "Date", "DateTime", "LocalDate", "OffsetDateTime", "Instant", "Duration", "File",
            "Blob", "Buffer", "Promise", "Response", "Request", "Headers", "FormData", "Symbol", "Any", "Unknown", "Json",
            "ApiClient", "ApiException", "ApiResponse", "Configuration", "ServerConfiguration", "ServerVariable", "Pair",
            "AbstractOpenApiSchema", "HttpRequest", "HttpResponse", "BaseAPI", "RequestContext", "ResponseContext",
            "ErrorContext", "Middleware", "ResponseError", "FetchError", "RequiredError", "JSONApiResponse",
            "VoidApiResponse", "BlobApiResponse", "TextApiResponse", "HTTPHeaders", "HTTPQuery", "HTTPBody");

    /** Capitalised words, at least two of them: a resource, then a role. */
    private static final Pattern WORDS = Pattern.compile("([A-Z][a-z0-9]+){2,}");
    private static final Pattern LAST_WORD = Pattern.compile(".*([A-Z][a-z0-9]+)$");
    private static final String REF = "#/components/schemas/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode document;
    private static Map<String, JsonNode> schemas;

    @BeforeAll
    static void readTheDocument() throws IOException {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        Path root = Files.exists(module.resolve("mvnw")) ? module : module.getParent();
        document = JSON.readTree(Files.readString(root.resolve("docs").resolve("openapi.json")));
        schemas = new LinkedHashMap<>();
        document.path("components").path("schemas").properties().forEach(e -> schemas.put(e.getKey(), e.getValue()));
    }

    @Test
    void everySchemaIsAResourceThenItsRole() {
        assertThat(schemas).isNotEmpty();
        List<String> wrong = new ArrayList<>();
        schemas.keySet().forEach(name -> {
            var last = LAST_WORD.matcher(name);
            if (!WORDS.matcher(name).matches() || !last.matches()) {
                wrong.add(name + ": not a resource and a role in capitalised words");
            } else if (!ROLES.containsKey(last.group(1))) {
                wrong.add(name + ": ends in " + last.group(1) + ", not a role (" + String.join(", ", ROLES.keySet()) + ")");
            }
        });
        assertThat(wrong).as("schema names, each the resource then its role").isEmpty();
    }

    @Test
    void noSchemaHasANameAGeneratorReserves() {
        Set<String> reserved = new HashSet<>();
        RESERVED.forEach(word -> reserved.add(word.toLowerCase(Locale.ROOT)));
        assertThat(schemas.keySet()).as("schema names a generator reserves")
                .filteredOn(name -> reserved.contains(name.toLowerCase(Locale.ROOT))).isEmpty();
    }

    /**
     * A TypeScript client (typescript-fetch) names each operation's parameters {@code <OperationId>Request},
     * or {@code <OperationId>OperationRequest} beside a schema of that name: a schema named like them but
     * for case ({@code LoginRequest} beside {@code logIn}) reads as the same thing, and two files named so
     * are one file on macOS and Windows.
     */
    @Test
    void noTwoNamesOfAGeneratedClientDifferOnlyInCase() {
        Set<String> names = new TreeSet<>(schemas.keySet());
        operations().forEach(operation -> {
            String id = operation.path("operationId").asString();
            names.add(Character.toUpperCase(id.charAt(0)) + id.substring(1) + "Request");
        });
        Map<String, List<String>> byCase = new LinkedHashMap<>();
        names.forEach(name -> byCase.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(name));
        assertThat(byCase.values()).as("schema and operation parameter names that differ only in case")
                .filteredOn(same -> same.size() > 1).isEmpty();
    }

    @Test
    void requestsAreSentAndResponsesAnswered() {
        Set<String> requestBodies = new TreeSet<>();
        Set<String> answerBodies = new TreeSet<>();
        operations().forEach(operation -> {
            operation.path("requestBody").path("content").forEach(media -> topName(media).ifPresent(requestBodies::add));
            operation.path("responses").properties().forEach(answer -> {
                if (answer.getKey().startsWith("2")) {
                    answer.getValue().path("content").forEach(media -> topName(media).ifPresent(answerBodies::add));
                }
            });
        });
        Set<String> sent = reachable(requestBodies);
        Set<String> answered = reachable(answerBodies);
        assertThat(requestBodies).as("request bodies that are not a ...Request")
                .filteredOn(name -> !name.endsWith("Request")).isEmpty();
        assertThat(names("Request")).as("...Request schemas that are no request's body, or that answers use")
                .filteredOn(name -> !requestBodies.contains(name) || answered.contains(name)).isEmpty();
        assertThat(names("Response")).as("...Response schemas that are no answer's body, or that requests use")
                .filteredOn(name -> !answerBodies.contains(name) || sent.contains(name)).isEmpty();
    }

    @Test
    void pagesAndListsHoldItemsAndItemsAreHeldByOne() {
        assertThat(names("Page", "List")).as("pages and lists without an array of items")
                .filteredOn(name -> !isArray(schemas.get(name).path("properties").path("items"))).isEmpty();
        Set<String> entries = new HashSet<>();
        collectEntries(document, entries);
        assertThat(names("Item")).as("...Item schemas that are no array's entry nor a line of a stream")
                .filteredOn(name -> !entries.contains(name)).isEmpty();
    }

    private static List<String> names(String... roles) {
        return schemas.keySet().stream().filter(name -> List.of(roles).stream().anyMatch(name::endsWith)).toList();
    }

    private static List<JsonNode> operations() {
        List<JsonNode> operations = new ArrayList<>();
        document.path("paths").forEach(path -> path.forEach(operation -> {
            if (operation.has("operationId")) {
                operations.add(operation);
            }
        }));
        return operations;
    }

    private static Optional<String> topName(JsonNode media) {
        JsonNode ref = media.path("schema").get("$ref");
        return ref == null ? Optional.empty() : Optional.of(ref.asString().substring(REF.length()));
    }

    /** The schemas these reach through their references, however deep. */
    private static Set<String> reachable(Set<String> from) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(from);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (seen.add(name) && schemas.containsKey(name)) {
                List<String> refs = new ArrayList<>();
                collectRefs(schemas.get(name), refs);
                todo.addAll(refs);
            }
        }
        return seen;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject() && node.has("$ref")) {
            refs.add(node.get("$ref").asString().substring(REF.length()));
        }
        node.forEach(child -> collectRefs(child, refs));
    }

    /** The schemas named as an array's items, or as the body of an NDJSON stream (each line one of them). */
    private static void collectEntries(JsonNode node, Set<String> entries) {
        if (node.isObject()) {
            if (isArray(node) && node.path("items").has("$ref")) {
                entries.add(node.path("items").get("$ref").asString().substring(REF.length()));
            }
            if (node.path("application/x-ndjson").path("schema").has("$ref")) {
                entries.add(node.path("application/x-ndjson").path("schema").get("$ref").asString().substring(REF.length()));
            }
        }
        node.forEach(child -> collectEntries(child, entries));
    }

    /** Whether the schema's type is array (a type that may also be null is a list of types in OpenAPI 3.1). */
    private static boolean isArray(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.isString() ? "array".equals(type.asString()) : type.valueStream().anyMatch(t -> t.isString() && "array".equals(t.asString()));
    }

    private static Map<String, String> roles(String... roleThenMeaning) {
        Map<String, String> roles = new LinkedHashMap<>();
        for (int i = 0; i < roleThenMeaning.length; i += 2) {
            roles.put(roleThenMeaning[i], roleThenMeaning[i + 1]);
        }
        return roles;
    }
}
