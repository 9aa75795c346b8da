package dev.gigstream.api.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;

/** A client of the running application over real HTTP, speaking JSON. */
public final class Api {

    public static final String PASSWORD = "correct horse battery staple";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final IntSupplier port;

    public Api(int port) {
        this(() -> port);
    }

    /** For a server whose port is known only once it has started ({@link PostgresIT} tests autowire this). */
    Api(IntSupplier port) {
        this.port = port;
    }

    public Response get(String path, String token) {
        return send("GET", path, null, token, Map.of());
    }

    public Response post(String path, Object body, String token) {
        return send("POST", path, body, token, Map.of());
    }

    public Response put(String path, Object body, String token) {
        return send("PUT", path, body, token, Map.of());
    }

    /** Sends {@code body} as is when it is a String (for malformed JSON), else as JSON. */
    public Response send(String method, String path, Object body, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getAsInt() + path))
                .timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json");
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            request.method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers an account with a unique email and returns it signed in. */
    public User signUp(String role) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        Response registered = post("/api/v1/auth/register", registration(email, role), null);
        registered.expect(201);
        return logIn(email, PASSWORD, registered.json().get("userId").asText());
    }

    public User logIn(String email, String password, String userId) {
        Response tokens = post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
        tokens.expect(200);
        return new User(userId, email, tokens.json().get("accessToken").asText(), tokens.json().get("refreshToken").asText());
    }

    public static Map<String, Object> registration(String email, String role) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", PASSWORD);
        body.put("fullName", "Ada Obi");
        body.put("phone", "+2348012345678");
        body.put("role", role);
        return body;
    }

    public record User(String id, String email, String accessToken, String refreshToken) {
    }

    public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }

        public Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }

        public boolean isProblem() {
            String type = header("Content-Type");
            return type != null && type.startsWith("application/problem+json");
        }
    }
}
