package dev.gigstream.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark cannot rot: every phase runs once at tiny sizes against the packaged jar, as
 * {@code -Pbenchmark} runs it, and must produce its figures (how fast they are is not checked: the
 * sizes are far too small to mean anything). A change that breaks a phase (an endpoint, a token, a
 * notification it relies on) fails the build here.
 */
class BenchmarkSmokeIT {

    private static final Map<String, String> TINY = Map.ofEntries(
            Map.entry("seconds", "1"), Map.entry("warmup", "0"), Map.entry("warmup.initial", "1"),
            Map.entry("rate", "5"), Map.entry("events", "200"), Map.entry("load.threads", "1"),
            Map.entry("aggregate.samples", "3"), Map.entry("lifecycle.clients", "1,2"), Map.entry("bytes.runs", "1"),
            Map.entry("reads.jobs", "12"), Map.entry("reads.queries", "3"), Map.entry("growth.applicants", "6"),
            Map.entry("growth.reads", "3"), Map.entry("push.connections", "4"), Map.entry("push.sessions.per.account", "2"),
            Map.entry("push.rate", "4"), Map.entry("push.seconds", "1"));

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void everyPhaseProducesItsFigures() throws Exception {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Properties properties = new Properties();
        properties.putAll(TINY);
        properties.putAll(Postgres.adminConnection());
        Options options = Options.from(module, properties);
        assertTrue(Files.isRegularFile(options.appJar()), "the smoke run needs the packaged app: " + options.appJar());
        assertEquals(Options.ALL_PHASES, options.phases());

        Report report = new Report();
        Benchmark.run(options, report);

        for (String phase : Options.ALL_PHASES) {
            List<Report.Row> figures = report.rows().stream().filter(row -> row.phase().equals(phase)).toList();
            assertFalse(figures.isEmpty(), "the " + phase + " phase reported no figure");
            for (Report.Row row : figures) {
                assertFalse(row.measured().isBlank() || row.measured().contains("n/a"),
                        "the " + phase + " phase measured nothing for " + row.metric() + ": " + row.measured());
            }
        }
        Report.Row lost = report.rows().stream().filter(row -> row.metric().startsWith("pushes lost")).findFirst().orElseThrow();
        assertEquals("0", lost.measured(), "every push of the smoke run arrives");
    }

    /** The PostgreSQL the api module's integration tests use: the server at 127.0.0.1:5432, else a container. */
    private static final class Postgres {

        static Map<String, String> adminConnection() {
            String url = env("GIGSTREAM_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
            String user = env("GIGSTREAM_TEST_PG_USER", "postgres");
            String password = env("GIGSTREAM_TEST_PG_PASSWORD", "");
            try (Connection ignored = DriverManager.getConnection(url, user, password)) {
                return Map.of("pg.url", url, "pg.user", user, "pg.password", password);
            } catch (SQLException notThere) {
                if (!DockerClientFactory.instance().isDockerAvailable()) {
                    throw new IllegalStateException("No PostgreSQL answers at " + url + " and there is no Docker engine for a "
                            + "Testcontainers one (set GIGSTREAM_TEST_PG_URL, _USER and _PASSWORD to use another)", notThere);
                }
            }
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return Map.of("pg.url", container.getJdbcUrl(), "pg.user", container.getUsername(),
                    "pg.password", container.getPassword());
        }

        private static String env(String name, String otherwise) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? otherwise : value;
        }
    }
}
