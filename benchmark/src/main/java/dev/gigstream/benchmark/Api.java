package dev.gigstream.benchmark;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;

/** The app's REST API over java.net.http, speaking JSON; optionally counts the bytes of a {@link Traffic}. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "correct horse battery staple";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    record Answer(int status, String body, String etag) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        Answer expect(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + ": expected HTTP " + expected + " but got " + status + ": "
                        + (body.length() > 300 ? body.substring(0, 300) : body));
            }
            return this;
        }
    }

    Answer get(String path, String token) {
        return send("GET", path, null, token, Map.of(), null);
    }

    Answer post(String path, Object body, String token) {
        return send("POST", path, body, token, Map.of(), null);
    }

    Answer send(String method, String path, Object body, String token, Map<String, String> headers, Traffic traffic) {
        try {
            return sendAsync(method, path, body, token, headers, traffic).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getCause(), e.getCause());
        }
    }

    CompletableFuture<Answer> sendAsync(String method, String path, Object body, String token, Map<String, String> headers,
                                        Traffic traffic) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        Map<String, String> sent = new LinkedHashMap<>(headers);
        if (token != null) {
            sent.put("Authorization", "Bearer " + token);
        }
        byte[] content = null;
        if (body != null) {
            content = (body instanceof String text ? text : JSON.writeValueAsString(body)).getBytes(StandardCharsets.UTF_8);
            sent.put("Content-Type", "application/json");
        }
        if (traffic != null) {
            traffic.decorate(method, path, sent);
        }
        sent.forEach(request::header);
        request.method(method, content == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(content));
        int requestBytes = Traffic.requestBytes(method, path, sent, content);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            byte[] raw = response.body();
            String encoding = response.headers().firstValue("Content-Encoding").orElse("");
            String text = new String(encoding.equalsIgnoreCase("gzip") ? gunzip(raw) : raw, StandardCharsets.UTF_8);
            String etag = response.headers().firstValue("ETag").orElse(null);
            if (traffic != null) {
                traffic.count(requestBytes, Traffic.responseBytes(response.statusCode(), response.headers().map(), raw.length));
                text = traffic.remember(method, path, response.statusCode(), etag, text);
            }
            return new Answer(response.statusCode() == 304 ? 200 : response.statusCode(), text, etag);
        });
    }

    /** Registers a CLIENT or WORKER with a unique email, logs in and returns the signed-in user. */
    User signUp(String role) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@bench.example.com";
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("email", email);
        registration.put("password", PASSWORD);
        registration.put("fullName", "Ada Obi");
        registration.put("phone", "+2348012345678");
        registration.put("role", role);
        String id = post("/api/v1/auth/register", registration, null).expect(201, "register").json().get("userId").asText();
        return new User(this, id, email, PASSWORD);
    }

    User logIn(String email, String password) {
        return new User(this, null, email, password);
    }

    String accessToken(String email, String password) {
        return post("/api/v1/auth/login", Map.of("email", email, "password", password), null)
                .expect(200, "login " + email).json().get("accessToken").asText();
    }

    private static byte[] gunzip(byte[] raw) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A signed-in account; its 15-minute access token is renewed by logging in again after ten minutes. */
    static final class User {

        private final Api api;
        private final String id;
        private final String email;
        private final String password;
        private String token;
        private long tokenAt;

        private User(Api api, String id, String email, String password) {
            this.api = api;
            this.id = id;
            this.email = email;
            this.password = password;
            token();
        }

        String id() {
            return id;
        }

        String token() {
            return token(Duration.ofMinutes(10));
        }

        /** An access token issued at most {@code maxAge} ago (a new login when the one held is older). */
        synchronized String token(Duration maxAge) {
            if (token == null || System.nanoTime() - tokenAt > maxAge.toNanos()) {
                token = api.accessToken(email, password);
                tokenAt = System.nanoTime();
            }
            return token;
        }
    }

}
