package dev.gigstream.api.hardening;

import dev.gigstream.api.hardening.OpenApiDocument.Operation;
import dev.gigstream.api.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document the application serves is the contract client developers build on, so it is
 * kept in the repository ({@code docs/openapi.json}, linted by Redocly in the build) and this test
 * fails when the served one drifts from it. An intended change is accepted by writing the served
 * document there: {@value #REGENERATE}. It also checks what a snapshot cannot: that every body has an
 * example, and that the operations marked public ({@code security: []}) are the ones that answer
 * without a token.
 */
@HardeningIT
class OpenApiSnapshotIT {

    static final String REGENERATE = "./mvnw -B -pl api -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false "
            + "-Dit.test=OpenApiSnapshotIT -Dopenapi.snapshot.update=true";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Two spaces, one array item a line, {@code "key": value}: what diffs and people read best. */
    private static final ObjectWriter PRETTY = JSON.writer().with(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Autowired
    Api api;

    @Test
    void theServedDocumentIsTheOneInTheRepository() throws IOException {
        String served = canonical(JSON.readTree(api.get("/v3/api-docs", null).expect(200).body()));
        Path snapshot = snapshot();
        if (Boolean.getBoolean("openapi.snapshot.update")) {
            Files.createDirectories(snapshot.getParent());
            Files.writeString(snapshot, served, StandardCharsets.UTF_8);
            System.out.println("[openapi] wrote the served document to " + snapshot);
            return;
        }
        String kept = Files.exists(snapshot) ? Files.readString(snapshot, StandardCharsets.UTF_8) : "";
        assertThat(served.equals(kept))
                .as("%s differs from the OpenAPI document the application serves (%s). If the API changed on purpose, "
                        + "write the served document there with%n  %s%nand commit it; else the change broke the contract.",
                        snapshot, firstDifference(kept, served), REGENERATE)
                .isTrue();
    }

    @Test
    void everyRequestAndAnswerBodyHasAnExample() {
        JsonNode root = JSON.readTree(api.get("/v3/api-docs", null).expect(200).body());
        OpenApiDocument document = OpenApiDocument.of(api);
        List<String> without = new ArrayList<>();
        for (Operation operation : document.operations()) {
            bodies(operation.node().path("requestBody").path("content"), operation.key() + " request", root, document, without);
            for (var response : operation.node().path("responses").properties()) {
                bodies(response.getValue().path("content"), operation.key() + " " + response.getKey(), root, document, without);
            }
        }
        assertThat(without).as("bodies without an example (give the schema one in openapi/schemas.json)").isEmpty();
    }

    @Test
    void theOperationsMarkedPublicAreTheOnesThatAnswerWithoutAToken() {
        OpenApiDocument document = OpenApiDocument.of(api);
        MalformedRequests requests = new MalformedRequests(document, Map.of());
        List<String> wrong = new ArrayList<>();
        for (Operation operation : document.operations()) {
            boolean isPublic = operation.node().has("security") && operation.node().get("security").isEmpty();
            var request = requests.wellFormed(operation);
            var answer = api.send(request.method(), request.path(), request.body(), null, Map.of());
            boolean refused = answer.status() == 401 && answer.isProblem()
                    && "UNAUTHENTICATED".equals(answer.json().path("code").asText());
            if (isPublic == refused) {
                wrong.add("%s is %s but answered %d %s without a token".formatted(operation.key(),
                        isPublic ? "marked public (security: [])" : "not marked public", answer.status(),
                        MalformedRequests.abbreviate(answer.body())));
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static void bodies(JsonNode content, String where, JsonNode root, OpenApiDocument document, List<String> without) {
        for (var media : content.properties()) {
            JsonNode schema = media.getValue().path("schema");
            boolean example = media.getValue().has("example") || media.getValue().has("examples")
                    || hasExample(schema, document);
            if (!example) {
                without.add(where + " " + media.getKey());
            }
        }
    }

    private static boolean hasExample(JsonNode schema, OpenApiDocument document) {
        JsonNode resolved = document.resolve(schema);
        if (resolved.has("example") || resolved.has("examples")) {
            return true;
        }
        return "array".equals(resolved.path("type").asText()) && hasExample(resolved.path("items"), document);
    }

    /** The repository's snapshot: {@code docs/openapi.json} beside the module's parent. */
    static Path snapshot() {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        Path root = Files.exists(module.resolve("mvnw")) ? module : module.getParent();
        return root.resolve("docs").resolve("openapi.json");
    }

    /** Pretty-printed with two spaces, every object's keys in order, and a final newline: a stable text to diff. */
    static String canonical(JsonNode document) {
        return PRETTY.writeValueAsString(sorted(document)) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> fields = new TreeMap<>();
            object.properties().forEach(field -> fields.put(field.getKey(), sorted(field.getValue())));
            ObjectNode copy = NODES.objectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = NODES.arrayNode();
            array.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return node;
    }

    private static String firstDifference(String kept, String served) {
        if (kept.isEmpty()) {
            return "there is no snapshot yet";
        }
        String[] before = kept.split("\n", -1);
        String[] after = served.split("\n", -1);
        for (int i = 0; i < Math.min(before.length, after.length); i++) {
            if (!before[i].equals(after[i])) {
                return "first difference at line %d: kept `%s`, served `%s`".formatted(i + 1, before[i].strip(), after[i].strip());
            }
        }
        return "one is longer: kept %d lines, served %d".formatted(before.length, after.length);
    }
}
