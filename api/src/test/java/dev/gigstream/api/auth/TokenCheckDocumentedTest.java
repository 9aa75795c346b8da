package dev.gigstream.api.auth;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI snapshot ({@code docs/openapi.json}) lists 503 {@code TOKEN_CHECK_UNAVAILABLE} on exactly the
 * endpoints {@link TokenCheckRequiredFilter} guards, so the two cannot drift apart.
 */
class TokenCheckDocumentedTest {

    @Test
    void theDocumentListsTheTokenCheckExactlyWhereTheFilterRefuses() throws Exception {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        Path snapshot = (Files.exists(module.resolve("mvnw")) ? module : module.getParent()).resolve("docs/openapi.json");
        JsonNode document = JsonMapper.builder().build().readTree(Files.readString(snapshot));

        List<String> wrong = new ArrayList<>();
        for (var path : document.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                String concrete = path.getKey().replaceAll("\\{[^}]+}", "3f1c2a9e-8b7d-4c55-a0e2-6d9b1f4e7a10");
                boolean guarded = TokenCheckRequiredFilter.MONEY_AND_ADMIN.matches(new MockHttpServletRequest(method, concrete));
                boolean documented = operation.getValue().path("responses").path("503").path("description").asText()
                        .contains("TOKEN_CHECK_UNAVAILABLE");
                if (guarded != documented) {
                    wrong.add(method + " " + path.getKey() + (guarded ? " is guarded but does not say so"
                            : " says TOKEN_CHECK_UNAVAILABLE but is not guarded"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
