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
