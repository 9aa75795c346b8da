package dev.gigstream.api.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar ({@code target/gigstream.jar}, built in the package phase before the integration
 * tests) run as its own process on a port of its own, against the shared Paystack stand-in, logging to a
 * file under {@code target/}: on the {@code postgres} profile with a database of its own (optionally with
 * Redis), or on the embedded default (H2 and the in-process MongoDB in a data directory under
 * {@code target/}). Started again, it keeps its stores and port, as a restarted server would.
 */
public final class PackagedApp {

    private static final Path JAR = Path.of("target", "gigstream.jar");

    private final String database;
    private final Path dataDir;
    /** Started with only its settings, as a new user starts it, instead of the test's own (stand-ins, keys, admin, rate limits off). */
    private final boolean asNewUser;
    private final int port = freePort();
    private final Path log;
    private String redisUrl;
    private final Map<String, String> settings = new java.util.LinkedHashMap<>();
    private Process process;

    /** On the {@code postgres} profile. */
    public PackagedApp(String logName) {
        this(logName, true);
    }

    private PackagedApp(String logName, boolean postgres) {
        this(logName, postgres, false);
    }

    private PackagedApp(String logName, boolean postgres, boolean asNewUser) {
        this.asNewUser = asNewUser;
        this.log = Path.of("target", logName + ".log");
        try {
            // one log per app of a test, its restarts appended: never what an earlier test or build wrote there
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.database = postgres ? PostgresDatabases.freshDatabase() : null;
        this.dataDir = postgres ? null : freshDirectory(Path.of("target", logName + "-data"));
    }

    /** On the embedded default profile: no outside store at all. */
    public static PackagedApp embedded(String logName) {
        return new PackagedApp(logName, false);
    }

    /**
     * On the embedded default as a new user starts it: only {@code environment} (and the port and a
     * fresh data directory) set, so payments run in the sandbox and addresses in the gazetteer.
     */
    public static PackagedApp asNewUser(String logName, Map<String, String> environment) {
        PackagedApp app = new PackagedApp(logName, false, true);
        app.settings.putAll(environment);
        return app;
    }

    /** Keeps what instances share in Redis (the local server; the test is skipped without one), under a fresh key prefix. */
    public PackagedApp withRedis() {
        this.redisUrl = RedisServer.assumeAvailable();
        return this;
    }

    /** An environment variable of the app's, set at every start after those this class sets. */
    public PackagedApp with(String name, String value) {
        settings.put(name, value);
        return this;
    }

    @Override
    public String toString() {
        return (database != null ? "postgres" : "embedded") + (redisUrl != null ? " with Redis" : "");
    }

    public int port() {
        return port;
    }

    public Api api() {
        return new Api(port);
    }

    public Path log() {
        return log;
    }

    /** The data directory of an app on the embedded default (null on the postgres profile). */
    public Path dataDir() {
        return dataDir;
    }

    /** The log written so far, to compare with what a later step adds. */
    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the jar and returns once it is ready for traffic. */
    public PackagedApp start() throws IOException {
        assertThat(JAR).as("the packaged app (built in the package phase, before this test)").isRegularFile();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        // only what the test sets: never Google, Paystack or a setting from the shell running it
        env.keySet().removeIf(name -> name.startsWith("GIGSTREAM_") || name.startsWith("PAYSTACK_")
                || name.startsWith("GOOGLE_") || name.equals("SPRING_PROFILES_ACTIVE"));
        env.put("PORT", Integer.toString(port));
        if (asNewUser) {
            env.put("GIGSTREAM_DATA_DIR", dataDir.toAbsolutePath().toString());
            env.putAll(settings);
            return waitUntilReady(builder);
        }
        if (database != null) {
            env.put("SPRING_PROFILES_ACTIVE", "postgres");
            env.put("GIGSTREAM_DB_URL", database);
            env.put("GIGSTREAM_DB_USER", PostgresDatabases.user());
            env.put("GIGSTREAM_DB_PASSWORD", PostgresDatabases.password());
            env.put("GIGSTREAM_PERSONAL_DATA_MASTER_KEY", FreshStores.PERSONAL_DATA_MASTER_KEY);
        } else {
            env.put("GIGSTREAM_DATA_DIR", dataDir.toAbsolutePath().toString());
        }
        if (redisUrl != null) {
            env.put("GIGSTREAM_REDIS_URL", redisUrl);
            env.put("GIGSTREAM_REDIS_KEY_PREFIX", RedisServer.freshKeyPrefix());
        }
        env.put("GIGSTREAM_MONGO_URI", "");
        env.put("GIGSTREAM_JWT_SECRET", FreshStores.JWT_SECRET);
        env.put("GIGSTREAM_ADMIN_EMAIL", Marketplace.ADMIN_EMAIL);
        env.put("GIGSTREAM_ADMIN_PASSWORD", Marketplace.ADMIN_PASSWORD);
        env.put("GIGSTREAM_AUTH_RATE_LIMIT", "100000");
        env.put("GIGSTREAM_RATE_LIMITS_ENABLED", "false");
        env.put("PAYSTACK_BASE_URL", FreshStores.paystack().baseUrl());
        env.put("PAYSTACK_SECRET_KEY", FreshStores.PAYSTACK_SECRET);
        env.putAll(settings);
        return waitUntilReady(builder);
    }

    private PackagedApp waitUntilReady(ProcessBuilder builder) throws IOException {
        Process started = builder.start();
        process = started;
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build();
        // a ceiling, not a wait: a start takes 15 to 30 s, but up to two minutes on a 2-core machine that
        // also runs the other test JVM and someone else's build (both seen, KilledProcessIT and
        // PersonalDataEncryptionEmbeddedIT); readiness ends the wait as soon as it answers
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(started.isAlive()).as("the app is running (see " + log + ")").isTrue();
            try {
                return http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
        return this;
    }

    /** SIGKILL: no shutdown of any kind. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, as an orchestrator stops a container; returns the exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }

    private static Path freshDirectory(Path directory) {
        try {
            if (Files.exists(directory)) {
                try (var files = Files.walk(directory)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
