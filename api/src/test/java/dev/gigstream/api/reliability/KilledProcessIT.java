package dev.gigstream.api.reliability;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.FreshStores;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresDatabases;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged app is killed (SIGKILL: no shutdown of any kind) in the middle of lifecycles, some
 * just confirmed, some just paid, one just hired, and started again on the same database: every
 * lifecycle finishes, with exactly one transfer per job.
 */
class KilledProcessIT {

    private static final Path JAR = Path.of("target", "gigstream.jar");

    private final String database = PostgresDatabases.freshDatabase();
    private final Path log = Path.of("target", "killed-process-app.log");

    @Test
    void lifecyclesInterruptedByKillNineAllFinishAfterARestart() throws Exception {
        assertThat(JAR).as("the packaged app (built in the package phase, before this test)").isRegularFile();
        int port = freePort();
        Process app = start(port);
        Api api = new Api(port);
        var market = new Marketplace(api);
        List<Marketplace.Hire> confirmed = new ArrayList<>();
        List<Marketplace.Hire> paid = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var hire = market.hiredShift();
            market.workedShift(hire);
            api.post("/api/v1/jobs/" + hire.jobId() + "/confirm", null, hire.client().accessToken()).expect(202);
            confirmed.add(hire);
            var other = market.hiredShift();
            market.payByWebhook(other.answer(), other.client(), other.jobId());
            paid.add(other);
        }
        var hiredOnly = market.hiredShift();
        app.destroyForcibly().waitFor();

        app = start(port);
        try {
            for (var hire : paid) {
                market.workedShift(hire);
                api.post("/api/v1/jobs/" + hire.jobId() + "/confirm", null, hire.client().accessToken()).expect(202);
            }
            market.completedShift(hiredOnly);
            List<Marketplace.Hire> all = new ArrayList<>(confirmed);
            all.addAll(paid);
            for (var hire : all) {
                String payout = hire.payout(1);
                await().atMost(Duration.ofSeconds(30)).until(() -> market.transfersOf(payout).size() == 1);
                market.paystack().markTransfer(payout, "success");
                market.deliverSigned(Marketplace.transfer("transfer.success", payout, Marketplace.PAY)).expect(200);
                JsonNode job = market.awaitJob(hire.jobId(), hire.client().accessToken(),
                        view -> "COMPLETED".equals(view.get("status").asText()));
                assertThat(job.get("status").asText()).isEqualTo("COMPLETED");
            }
            for (var hire : all) {
                assertThat(market.transfersOf(hire.payout(1))).as("one transfer for " + hire.jobId()).hasSize(1);
                assertThat(market.transfersOf(hire.payout(2))).isEmpty();
            }
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    private Process start(int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("SPRING_PROFILES_ACTIVE", "postgres");
        env.put("PORT", Integer.toString(port));
        env.put("GIGSTREAM_DB_URL", database);
        env.put("GIGSTREAM_DB_USER", PostgresDatabases.user());
        env.put("GIGSTREAM_DB_PASSWORD", PostgresDatabases.password());
        env.put("GIGSTREAM_MONGO_URI", "");
        env.put("GIGSTREAM_JWT_SECRET", FreshStores.JWT_SECRET);
        env.put("GIGSTREAM_ADMIN_EMAIL", Marketplace.ADMIN_EMAIL);
        env.put("GIGSTREAM_ADMIN_PASSWORD", Marketplace.ADMIN_PASSWORD);
        env.put("GIGSTREAM_AUTH_RATE_LIMIT", "100000");
        env.put("GIGSTREAM_RATE_LIMITS_ENABLED", "false");
        env.put("PAYSTACK_BASE_URL", FreshStores.paystack().baseUrl());
        env.put("PAYSTACK_SECRET_KEY", FreshStores.PAYSTACK_SECRET);
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(process.isAlive()).as("the app is running (see " + log + ")").isTrue();
            try {
                return http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
