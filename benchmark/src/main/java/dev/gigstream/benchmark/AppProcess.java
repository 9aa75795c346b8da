package dev.gigstream.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The application under test: a fresh PostgreSQL database of its own and the built jar started as a
 * child process on the postgres profile (read models in the app's in-process MongoDB server), its
 * output in {@code benchmark/target/app.log}. {@link #close()} stops it (SIGTERM, so a flight
 * recording is written) and drops the database; a shutdown hook does the same on Ctrl-C.
 */
final class AppProcess implements AutoCloseable {

    static final String ADMIN_EMAIL = "bench-admin@gigstream.test";
    static final String ADMIN_PASSWORD = "benchmark admin password";

    private final Options options;
    private final String database;
    private final String jwtSecret;
    private final String personalDataMasterKey;
    private final Path dataDir;
    private final Path log;
    private Process process;
    private int port;
    private final Thread shutdownHook = new Thread(this::stopQuietly, "benchmark-shutdown");

    private AppProcess(Options options, String database) throws IOException {
        this.options = options;
        this.database = database;
        byte[] key = new byte[48];
        new SecureRandom().nextBytes(key);
        this.jwtSecret = Base64.getEncoder().encodeToString(key);
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        this.personalDataMasterKey = Base64.getEncoder().encodeToString(masterKey);
        this.dataDir = Files.createTempDirectory("gigstream-benchmark");
        this.log = options.targetDir().resolve("app.log");
    }

    /** Creates the fresh database; the app is started by {@link #start}. */
    static AppProcess withFreshDatabase(Options options) throws IOException, SQLException {
        String database = "gigstream_bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
        try (Connection admin = DriverManager.getConnection(options.pgUrl(), options.pgUser(), options.pgPassword())) {
            admin.createStatement().execute("CREATE DATABASE " + database);
        }
        AppProcess app = new AppProcess(options, database);
        Runtime.getRuntime().addShutdownHook(app.shutdownHook);
        return app;
    }

    /** The fresh database's JDBC URL: the admin URL with its database name replaced. */
    String databaseUrl() {
        URI admin = URI.create(options.pgUrl().substring("jdbc:".length()));
        return "jdbc:" + admin.getScheme() + "://" + admin.getAuthority() + "/" + database
                + (admin.getRawQuery() == null ? "" : "?" + admin.getRawQuery());
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(databaseUrl(), options.pgUser(), options.pgPassword());
    }

    String database() {
        return database;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    /**
     * Starts the jar against the fresh database and the Paystack stand-in, with {@code environment} on
     * top of the benchmark's own settings, and waits until it is healthy.
     */
    void start(String paystackBaseUrl, String paystackSecret, Map<String, String> environment)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(options.appJar())) {
            throw new IllegalStateException("No " + options.appJar() + ": build it first (./mvnw -B -q -DskipTests package)");
        }
        port = freePort();
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        if (!options.appJvmArgs().isBlank()) {
            command.addAll(List.of(options.appJvmArgs().trim().split("\\s+")));
        }
        if (options.jfr()) {
            Path recording = options.targetDir().resolve("gigstream-" + database + ".jfr");
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recording);
            System.out.println("Flight recording of the app: " + recording);
        }
        command.addAll(List.of("-jar", options.appJar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("SPRING_PROFILES_ACTIVE", "postgres");
        env.put("PORT", Integer.toString(port));
        env.put("GIGSTREAM_DB_URL", databaseUrl());
        env.put("GIGSTREAM_DB_USER", options.pgUser());
        env.put("GIGSTREAM_DB_PASSWORD", options.pgPassword());
        env.put("GIGSTREAM_MONGO_URI", "");
        env.put("GIGSTREAM_DATA_DIR", dataDir.toString());
        env.put("GIGSTREAM_JWT_SECRET", jwtSecret);
        env.put("GIGSTREAM_PERSONAL_DATA_MASTER_KEY", personalDataMasterKey);
        env.put("GIGSTREAM_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("GIGSTREAM_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("GIGSTREAM_AUTH_RATE_LIMIT", "1000000");
        env.put("GIGSTREAM_RATE_LIMITS_ENABLED", "false");
        env.put("PAYSTACK_BASE_URL", paystackBaseUrl);
        env.put("PAYSTACK_SECRET_KEY", paystackSecret);
        env.putAll(environment);
        long started = System.nanoTime();
        process = builder.start();
        awaitHealthy();
        System.out.printf("App up on port %d in %.1f s (database %s, log %s)%n", port,
                (System.nanoTime() - started) / 1e9, database, log);
    }

    /** The CPU time the app's process has used so far, all its threads together (what other processes use is not in it). */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("This system does not tell a process's CPU time"));
    }

    private void awaitHealthy() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Parallel.pause(250);
        }
        throw new IllegalStateException("The app did not become healthy within 3 minutes; see " + log);
    }

    /** Stops the app, waiting for a clean exit (the flight recording is dumped then). */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private void stopQuietly() {
        try {
            stop();
            if (!options.keepDatabase()) {
                dropDatabase();
            }
        } catch (Exception e) {
            System.err.println("Cleaning up: " + e);
        }
    }

    private void dropDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection(options.pgUrl(), options.pgUser(), options.pgPassword())) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already
        }
        if (options.keepDatabase()) {
            System.out.println("Kept the database " + database);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
