package dev.gigstream.api.benchmark;

import dev.gigstream.api.GigstreamApplication;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.job.ApplyToJob;
import dev.gigstream.messages.job.JobSite;
import dev.gigstream.messages.job.PostJob;
import dev.gigstream.messages.worker.AvailabilityWindow;
import dev.gigstream.messages.worker.RegisterWorker;
import dev.gigstream.messages.worker.UpdateWorkerProfile;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Type;
import java.net.URI;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Holds 2,000 STOMP connections to the application (embedded profile, in this JVM) and sends 50
 * commands a second, each of which notifies one connected client ({@code application.received});
 * reports the time from sending the command to the push arriving, p50/p99, and any notification lost.
 * Not part of the test suite: {@code ./mvnw -B -q -DskipTests install && ./mvnw -B -q -pl api exec:java@push-benchmark}
 */
public final class PushBenchmark {

    private static final int CONNECTIONS = Integer.getInteger("connections", 2_000);
    private static final int RATE = Integer.getInteger("rate", 50);
    private static final int SECONDS = Integer.getInteger("seconds", 20);
    private static final int WORKERS = 100;
    private static final GeoPoint SITE = new GeoPoint(6.4541, 3.3947);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        var dataDir = Files.createTempDirectory("gigstream-push-benchmark");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GigstreamApplication.class)
                .run("--server.port=0", "--gigstream.data-dir=" + dataDir, "--logging.level.root=WARN",
                        "--logging.structured.format.console=logstash", "--server.tomcat.max-connections=10000")) {
            new PushBenchmark().run(app);
        }
        System.exit(0);
    }

    private void run(ConfigurableApplicationContext app) throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        CommandGateway commands = app.getBean(CommandGateway.class);
        JwtEncoder tokens = app.getBean(JwtEncoder.class);
        Instant start = Instant.now().plus(Duration.ofDays(2));

        System.out.printf("Setting up %,d clients with a job each and %d workers ...%n", CONNECTIONS, WORKERS);
        List<String> workers = new ArrayList<>();
        List<AvailabilityWindow> week = Arrays.stream(DayOfWeek.values())
                .map(day -> new AvailabilityWindow(day, LocalTime.MIDNIGHT, LocalTime.MAX)).toList();
        for (int i = 0; i < WORKERS; i++) {
            String worker = UUID.randomUUID().toString();
            commands.sendAndWait(new RegisterWorker(worker, "Worker " + i));
            // not a barista: the jobs below offer nothing to them, so the set-up raises no job.match flood
            commands.sendAndWait(new UpdateWorkerProfile(worker, List.of("waiter"), null, SITE, week, null));
            workers.add(worker);
        }
        List<String> clients = new ArrayList<>();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            String client = UUID.randomUUID().toString();
            String job = UUID.randomUUID().toString();
            commands.sendAndWait(new PostJob(job, client, "Shift " + i, "", List.of("barista"), new JobSite(SITE, "Marina"),
                    new ShiftWindow(start, start.plus(Duration.ofHours(8))), Money.of(1_000_000, Currency.NGN), Instant.now()));
            clients.add(client);
            jobs.add(job);
        }

        awaitProcessorsCaughtUp(app);

        System.out.printf("Connecting %,d STOMP sessions ...%n", CONNECTIONS);
        ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();
        heartbeats.setPoolSize(2);
        heartbeats.initialize();
        WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
        stomp.setTaskScheduler(heartbeats);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> latencies = new ConcurrentHashMap<>();
        List<StompSession> sessions = new ArrayList<>();
        long connecting = System.nanoTime();
        for (int i = 0; i < CONNECTIONS; i++) {
            StompHeaders connect = new StompHeaders();
            connect.add("Authorization", "Bearer " + token(tokens, clients.get(i)));
            StompSession session = stomp.connectAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocketHttpHeaders(),
                    connect, new StompSessionHandlerAdapter() { }).get(30, TimeUnit.SECONDS);
            session.subscribe("/user/queue/notifications", new StompFrameHandler() {
                @Override
                public Type getPayloadType(StompHeaders headers) {
                    return byte[].class;
                }

                @Override
                public void handleFrame(StompHeaders headers, Object payload) {
                    long now = System.nanoTime();
                    JsonNode notification = JSON.readTree((byte[]) payload);
                    if ("application.received".equals(notification.path("type").asText())) {
                        String key = notification.path("jobId").asText() + "/" + notification.path("workerId").asText();
                        Long sent = sentAt.get(key);
                        if (sent != null) {
                            latencies.putIfAbsent(key, now - sent);
                        }
                    }
                }
            });
            sessions.add(session);
        }
        System.out.printf("%,d sessions connected in %.1f s; waiting for subscriptions to settle ...%n",
                sessions.size(), (System.nanoTime() - connecting) / 1e9);
        Thread.sleep(3_000);

        int total = RATE * SECONDS;
        System.out.printf("Sending %d commands a second for %d s (%,d commands) ...%n", RATE, SECONDS, total);
        long period = 1_000_000_000L / RATE;
        long begin = System.nanoTime();
        List<CompletableFuture<Object>> results = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            long due = begin + i * period;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            String job = jobs.get(i % jobs.size());
            String worker = workers.get((i / jobs.size()) % workers.size());
            sentAt.put(job + "/" + worker, System.nanoTime());
            results.add(commands.send(new ApplyToJob(job, worker, null, Instant.now())));
        }
        long failed = results.stream().map(CompletableFuture::join).count() - total;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (latencies.size() < total && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        long[] sorted = latencies.values().stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%nconnections %,d, commands %,d (%d/s), pushes received %,d, lost %d, failed commands %d%n",
                sessions.stream().filter(StompSession::isConnected).count(), total, RATE, sorted.length,
                total - sorted.length, failed);
        if (sorted.length > 0) {
            System.out.printf("command -> push latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
                    sorted[sorted.length - 1] / 1e6);
        }
        sessions.forEach(StompSession::disconnect);
        stomp.stop();
        heartbeats.shutdown();
    }

    /** The set-up's own notifications (match offers for every job) must be out of the way before measuring. */
    private static void awaitProcessorsCaughtUp(ConfigurableApplicationContext app) throws InterruptedException {
        var processing = app.getBean(EventProcessingConfiguration.class);
        long started = System.nanoTime();
        while (!processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .allMatch(p -> !p.processingStatus().isEmpty()
                        && p.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp))) {
            Thread.sleep(200);
        }
        System.out.printf("Event processors caught up with the set-up in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static String token(JwtEncoder encoder, String userId) {
        Instant now = Instant.now();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), JwtClaimsSet.builder()
                .issuer("gigstream").subject(userId).issuedAt(now).expiresAt(now.plus(Duration.ofHours(1)))
                .claim("role", "CLIENT").build())).getTokenValue();
    }
}
