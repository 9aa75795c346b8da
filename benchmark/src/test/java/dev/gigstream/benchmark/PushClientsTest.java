package dev.gigstream.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The push clients' process fails fast: a session that cannot be opened ends it with its cause and exit code 1. */
class PushClientsTest {

    @Test
    void aSessionThatCannotOpenEndsTheProcessWithItsCause(@TempDir Path dir) throws Exception {
        Path tokens = Files.write(dir.resolve("tokens.txt"), List.of("a.b.c", "d.e.f"), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                Path.of(PushClients.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                PushClients.class.getName(), "ws://127.0.0.1:" + closedPort() + "/ws", tokens.toString(), "60")
                .redirectErrorStream(true).start();

        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the process ended on its own");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, process.exitValue(), output);
        assertTrue(output.contains("FAILED WebSocket handshake failed"), output);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
