package dev.gigstream.api.web.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaFactsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Schema<?> string() {
        return new JsonSchema().typesItem("string");
    }

    private static Content json(String schema) {
        return new Content().addMediaType("application/json",
                new MediaType().schema(new JsonSchema().$ref("#/components/schemas/" + schema)));
    }

    /** POST /things/{thingId}: a Request in, an Answer out; the Answer has a Part, the Request and the Answer share a Place. */
    private static OpenAPI document() {
        Operation post = new Operation()
                .parameters(List.of(new Parameter().in("path").name("thingId").schema(string())))
                .requestBody(new RequestBody().content(json("Request")))
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().content(json("Answer"))));
        Map<String, Schema> schemas = new java.util.LinkedHashMap<>();
        schemas.put("Request", new JsonSchema().typesItem("object").required(List.of("name"))
                .addProperty("name", string()).addProperty("note", string())
                .addProperty("place", new JsonSchema().$ref("#/components/schemas/Place")));
        schemas.put("Answer", new JsonSchema().typesItem("object")
                .addProperty("thingId", string()).addProperty("entryId", string()).addProperty("comment", string())
                .addProperty("part", new JsonSchema().$ref("#/components/schemas/Part"))
                .addProperty("place", new JsonSchema().$ref("#/components/schemas/Place")));
        schemas.put("Part", new JsonSchema().typesItem("object").addProperty("size", new JsonSchema().typesItem("integer")));
        schemas.put("Place", new JsonSchema().typesItem("object").addProperty("address", string()));
        return new OpenAPI().paths(new Paths().addPathItem("/things/{thingId}", new PathItem().post(post)))
                .components(new Components().schemas(schemas));
    }

    private static SchemaFacts facts(String json) throws Exception {
        Map<String, JsonNode> facts = new java.util.LinkedHashMap<>();
        JSON.readTree(json).properties().forEach(entry -> facts.put(entry.getKey(), entry.getValue()));
        return new SchemaFacts(facts, new SchemaNames(Map.of(), Map.of()), Set.of());
    }

    @Test
    void everyFieldOfAnAnswerIsRequiredAndTheNullableOnesMayBeNull() throws Exception {
        OpenAPI document = document();

        facts("""
                {"Answer": {"nullable": ["comment", "part"], "example": {"thingId": "x"}, "description": "An answer"}}
                """).customise(document);

        Schema<?> answer = document.getComponents().getSchemas().get("Answer");
        assertThat(answer.getRequired()).containsExactlyInAnyOrder("thingId", "entryId", "comment", "part", "place");
        assertThat(answer.getProperties().get("comment").getTypes()).containsExactlyInAnyOrder("string", "null");
        List<Schema> either = answer.getProperties().get("part").getOneOf();
        assertThat(either.get(0).get$ref()).isEqualTo("#/components/schemas/Part");
        assertThat(either.get(1).getTypes()).containsExactly("null");
        assertThat(answer.getProperties().get("place").get$ref()).isEqualTo("#/components/schemas/Place");
        assertThat(answer.getDescription()).isEqualTo("An answer");
        assertThat(answer.getExample()).isNotNull();
        assertThat(document.getComponents().getSchemas().get("Part").getRequired())
                .as("reached from answers only").containsExactly("size");
        assertThat(document.getComponents().getSchemas().get("Place").getRequired())
                .as("requests use it too: bean validation says what they need").isNull();
        assertThat(document.getComponents().getSchemas().get("Request").getRequired()).containsExactly("name");
    }

    @Test
    void idsAreUuidsButPostingsAreNot() throws Exception {
        OpenAPI document = document();

        facts("{}").customise(document);

        Schema<?> answer = document.getComponents().getSchemas().get("Answer");
        assertThat(answer.getProperties().get("thingId").getFormat()).isEqualTo("uuid");
        assertThat(answer.getProperties().get("entryId").getFormat()).isNull();
        assertThat(document.getPaths().get("/things/{thingId}").getPost().getParameters().get(0).getSchema().getFormat())
                .isEqualTo("uuid");
    }

    @Test
    void aFactAboutWhatTheDocumentDoesNotHaveIsAMistake() {
        assertThatThrownBy(() -> facts("{\"Nothing\": {\"example\": {}}}").customise(document()))
                .hasMessageContaining("Nothing");
        assertThatThrownBy(() -> facts("{\"Answer\": {\"nullable\": [\"colour\"]}}").customise(document()))
                .hasMessageContaining("Answer.colour");
        assertThatThrownBy(() -> facts("{\"Place\": {\"nullable\": [\"address\"]}}").customise(document()))
                .hasMessageContaining("Place");
    }
}
