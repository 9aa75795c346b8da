package dev.gigstream.api.web;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error the server emits is problem+json with a code, also those Tomcat and Spring answer themselves. */
@PostgresIT
class ErrorResponsesIT {

    @Autowired
    Api api;

    @LocalServerPort
    int port;

    @Test
    void containerAndFrameworkRefusalsAreProblems() throws Exception {
        var worker = api.signUp("WORKER");
        Map<String, Integer> paths = new LinkedHashMap<>();
        paths.put("/api/v1/jobs/abc%2fdef", 400);
        paths.put("/api/v1/jobs/abc%5cdef", 400);
        paths.put("/api/v1/jobs/abc%00def", 400);
        paths.put("/api/v1/no-such-thing", 404);
        paths.put("/error", 404);
        paths.put("/api/v1/jobs//applicants", 400);
        paths.put("/api/v1/jobs/x;y=1", 400);
        paths.put("/api/v1/%2e%2e/jobs", 400);
        paths.put("/api/v1/jobs/" + "a".repeat(20_000), 400);
        for (var path : paths.entrySet()) {
            String answer = rawGet(path.getKey(), worker.accessToken());
            assertThat(answer).as(path.getKey()).startsWith("HTTP/1.1 " + path.getValue());
            assertThat(answer).as(path.getKey()).containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(answer).as(path.getKey()).contains("\"code\":\"");
        }
        var wrongMethod = api.send("DELETE", "/api/v1/jobs", null, worker.accessToken(), Map.of());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    /**
     * A blank id in a path names nothing: 404, as a read of it answers and as the commands answered before
     * their ids were typed, for each kind of id and whoever sends it (never a 500 from the id's own check).
     */
    @Test
    void aBlankIdInAPathNamesNothing() {
        var client = api.signUp("CLIENT");
        var worker = api.signUp("WORKER");
        record Case(String method, String path, Api.User as, Object body) {
        }
        var cases = List.of(
                new Case("POST", "/api/v1/jobs/%20/confirm", client, null),
                new Case("POST", "/api/v1/jobs/%20/hire", client, Map.of("workerId", worker.id())),
                new Case("POST", "/api/v1/jobs/%20/applications", worker, Map.of()),
                new Case("DELETE", "/api/v1/jobs/%09/applications/me", worker, null),
                new Case("POST", "/api/v1/disputes/%20/withdraw", client, null),
                new Case("GET", "/api/v1/escrows/%20", client, null),
                new Case("GET", "/api/v1/jobs/%20", worker, null));
        for (Case c : cases) {
            var answer = api.send(c.method(), c.path(), c.body(), c.as().accessToken(), Map.of());
            assertThat(answer.status()).as(c.path() + " " + answer.body()).isEqualTo(404);
            assertThat(answer.json().get("code").asText()).as(c.path()).isEqualTo("NOT_FOUND");
        }
    }

    /** A request as the client wrote it, unencoded by any HTTP library; the status line and headers and body answered. */
    private String rawGet(String path, String token) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                return in.lines().collect(Collectors.joining("\n"));
            }
        }
    }
}
