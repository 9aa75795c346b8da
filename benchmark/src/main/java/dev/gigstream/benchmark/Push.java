package dev.gigstream.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live notifications at scale: {@code connections} STOMP sessions of real client accounts (one each,
 * or {@code sessionsPerAccount} of the same account, as on several devices: signing up is slow), opened
 * by {@link PushClients} in a JVM of its own; workers apply to the clients' jobs at a fixed rate (open
 * loop, over HTTP) and each application pushes {@code application.received} to every session of one
 * client. Measured from when the application was due to when each push arrived, and the pushes that
 * never arrived. Before measuring, every session that will be notified gets one push of a warm-up
 * application, so each measured one is known to be subscribed.
 */
final class Push {

    /** {@code expected} pushes: each application answered 201 times the sessions of the client it notifies. */
    record Result(int connections, int accounts, int sent, int failedCommands, int expected, int received,
                  Latencies latencies, int lateSessions) {

        int lost() {
            return expected - received;
        }
    }

    private static final Duration READY_LIMIT = Duration.ofMinutes(10);
    private static final Duration PUSH_WAIT = Duration.ofSeconds(10);
    /** A session subscribed later than its warm-up push (the app handles the SUBSCRIBE frames of thousands of sessions in turn) is warmed up again. */
    private static final int WARM_UP_ROUNDS = 3;

    private int lateSessions;

    private final Api api;
    private final int port;
    private final Path targetDir;

    Push(Api api, int port, Path targetDir) {
        this.api = api;
        this.port = port;
        this.targetDir = targetDir;
    }

    /** The soft limit on open files of this process (and of the processes it starts), or -1 when unknown. */
    static long openFileLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | NumberFormatException unknown) {
            // not Linux
        }
        return -1;
    }

    /** As many connections as asked for, or as the open-file limit leaves with a thousand to spare for the rest. */
    static int connectionsAllowed(int wanted) {
        long limit = openFileLimit();
        return limit < 0 ? wanted : (int) Math.max(1, Math.min(wanted, limit - 1_000));
    }

    Result run(int connections, int sessionsPerAccount, int rate, Duration measure) throws Exception {
        int total = (int) Math.max(1, rate * measure.toSeconds());
        int accounts = (connections + sessionsPerAccount - 1) / sessionsPerAccount;
        int receivers = Math.min(accounts, total);
        System.out.printf("Push: signing up %,d clients for %,d STOMP sessions ...%n", accounts, connections);
        List<Api.User> clients = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        Parallel.run(8, accounts, i -> {
            clients.add(api.signUp("CLIENT"));
            if (clients.size() % 1_000 == 0) {
                System.out.printf("  %,d clients in %.0f s%n", clients.size(), (System.nanoTime() - started) / 1e9);
            }
        });
        int workerCount = Math.max((total + receivers - 1) / receivers, Math.min(50, total));
        while (gcd(workerCount, receivers) != 1) {
            workerCount++;
        }
        System.out.printf("  %,d of them post a job; %d workers and %d for the warm-up sign up ...%n", receivers, workerCount,
                WARM_UP_ROUNDS);
        String[] jobs = new String[receivers];
        Parallel.run(8, receivers, i -> jobs[i] = api.post("/api/v1/jobs", Market.unmatchedJob(), clients.get(i).token())
                .expect(201, "post a job").json().get("jobId").asText());
        List<Api.User> workers = Collections.synchronizedList(new ArrayList<>());
        Parallel.run(4, workerCount + WARM_UP_ROUNDS, i -> workers.add(Market.worker(api)));
        List<Api.User> warmUpWorkers = new ArrayList<>(workers.subList(workerCount, workers.size()));
        workers.removeAll(warmUpWorkers);

        Path tokens = targetDir.resolve("push-tokens.txt");
        List<String> lines = new ArrayList<>();
        int[] sessionsOf = new int[accounts];
        for (int session = 0; session < connections; session++) {
            lines.add(clients.get(session % accounts).token(Duration.ofMinutes(3)));
            sessionsOf[session % accounts]++;
        }
        Files.write(tokens, lines, StandardCharsets.UTF_8);
        try (Clients process = new Clients(tokens, connections)) {
            process.awaitReady();
            System.out.printf("  %,d sessions subscribed; a warm-up application to each of the %,d jobs ...%n",
                    process.ready, receivers);
            warmUp(process, warmUpWorkers, jobs, accounts, connections);

            System.out.printf("  %d applications a second for %d s (%,d), each pushed to the sessions of one client ...%n",
                    rate, measure.toSeconds(), total);
            Map<String, Long> due = new ConcurrentHashMap<>();
            Latencies latencies = new Latencies();
            int expected = 0;
            for (int i = 0; i < total; i++) {
                expected += sessionsOf[i % receivers];
            }
            CountDownLatch arrived = process.expect(expected, null);
            AtomicInteger failedPushes = new AtomicInteger();
            process.timing(due, latencies);
            AtomicInteger failedCommands = new AtomicInteger();
            List<CompletableFuture<?>> inFlight = new ArrayList<>();
            long period = 1_000_000_000L / rate;
            long begin = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long dueAt = begin + i * period;
                while (System.nanoTime() < dueAt) {
                    Thread.onSpinWait();
                }
                int index = i;
                String job = jobs[i % receivers];
                Api.User worker = workers.get(i % workers.size());
                due.put(job + "/" + worker.id(), dueAt);
                inFlight.add(api.sendAsync("POST", "/api/v1/jobs/" + job + "/applications", null, worker.token(), Map.of(), null)
                        .whenComplete((answer, failure) -> {
                            if (failure != null || answer.status() != 201) {
                                if (failedCommands.incrementAndGet() <= 3) {
                                    System.out.println("  application failed: " + (failure != null ? failure
                                            : answer.status() + " " + answer.body()));
                                }
                                for (int s = 0; s < sessionsOf[index % receivers]; s++) {
                                    failedPushes.incrementAndGet();
                                    arrived.countDown();
                                }
                            }
                        }));
            }
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
            arrived.await(PUSH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            process.failIfBroken();
            return new Result(process.ready, accounts, total, failedCommands.get(), expected - failedPushes.get(),
                    latencies.count(), latencies, lateSessions);
        } finally {
            Files.deleteIfExists(tokens);
        }
    }

    /**
     * Each session of a client with a job receives a warm-up push; the clients of the sessions that did
     * not within 30 s are sent another, up to {@value #WARM_UP_ROUNDS} rounds, after which the phase fails.
     */
    private void warmUp(Clients process, List<Api.User> warmUpWorkers, String[] jobs, int accounts, int connections)
            throws InterruptedException {
        Set<Integer> missing = ConcurrentHashMap.newKeySet();
        for (int session = 0; session < connections; session++) {
            if (session % accounts < jobs.length) {
                missing.add(session);
            }
        }
        for (int round = 0; round < WARM_UP_ROUNDS && !missing.isEmpty(); round++) {
            if (round == 1) {
                lateSessions = missing.size();
            }
            if (round > 0) {
                System.out.printf("  %,d sessions had no warm-up push: another to their clients' jobs ...%n", missing.size());
            }
            CountDownLatch reached = process.awaitSessions(missing);
            List<String> jobsToApply = missing.stream().map(session -> jobs[session % accounts]).distinct().toList();
            Api.User worker = warmUpWorkers.get(round);
            Parallel.run(8, jobsToApply.size(), i -> api.post("/api/v1/jobs/" + jobsToApply.get(i) + "/applications", null,
                    worker.token()).expect(201, "warm-up application"));
            reached.await(30, TimeUnit.SECONDS);
            process.failIfBroken();
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(missing.size() + " sessions received none of " + WARM_UP_ROUNDS
                    + " warm-up pushes, 30 s each (the first: session " + missing.iterator().next() + ")");
        }
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** The load generator's process: started, read line by line, stopped (forcibly if it does not stop itself). */
    private final class Clients implements AutoCloseable {

        private final Process process;
        private final Path log;
        private final CompletableFuture<Integer> readyFuture = new CompletableFuture<>();
        private final List<Expectation> expectations = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile Map<String, Long> due;
        private final Set<String> delivered = ConcurrentHashMap.newKeySet();
        private volatile Set<Integer> awaited = ConcurrentHashMap.newKeySet();
        private volatile CountDownLatch awaitedLatch;
        private volatile Latencies latencies;
        private volatile String failure;
        private int ready;

        private record Expectation(CountDownLatch latch, String workerId) {
        }

        Clients(Path tokens, int connections) throws IOException, URISyntaxException {
            Path classes = Path.of(PushClients.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            log = targetDir.resolve("push-clients.log");
            long limitSeconds = READY_LIMIT.toSeconds() + 600;
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xss256k", "-Xmx" + Math.max(256, connections / 10) + "m", "-cp", classes.toString(),
                    PushClients.class.getName(), "ws://127.0.0.1:" + port + "/ws", tokens.toString(),
                    Long.toString(limitSeconds));
            process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            Thread reader = new Thread(this::read, "push-clients-output");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("PUSH ")) {
                        pushed(line.split(" "));
                    } else if (line.startsWith("READY ")) {
                        readyFuture.complete(Integer.parseInt(line.substring(6).trim()));
                    } else if (line.startsWith("FAILED ")) {
                        failure = line.substring(7);
                        readyFuture.completeExceptionally(new IllegalStateException("The push clients failed: " + failure));
                    } else if (line.startsWith("CONNECTING ")) {
                        System.out.println("  " + line.substring(11) + " sessions opened or opening");
                    }
                }
            } catch (IOException gone) {
                // the process ended
            }
            readyFuture.completeExceptionally(new IllegalStateException("The push clients' process ended"
                    + (failure == null ? "" : ": " + failure) + "; see " + log));
        }

        private void pushed(String[] fields) {
            String jobId = fields[1];
            String workerId = fields[2];
            long at = Long.parseLong(fields[3]);
            Map<String, Long> timed = due;
            if (timed != null) {
                Long dueAt = timed.get(jobId + "/" + workerId);
                if (dueAt != null && delivered.add(jobId + "/" + workerId + "/" + fields[4])) {
                    latencies.record(at - dueAt);
                }
            }
            CountDownLatch sessionLatch = awaitedLatch;
            if (awaited.remove(Integer.parseInt(fields[4])) && sessionLatch != null) {
                sessionLatch.countDown();
            }
            for (Expectation expectation : expectations) {
                if (expectation.workerId() == null || expectation.workerId().equals(workerId)) {
                    expectation.latch().countDown();
                }
            }
        }

        void awaitReady() throws Exception {
            try {
                ready = readyFuture.get(READY_LIMIT.toSeconds(), TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("The push clients were not connected within " + READY_LIMIT + "; see " + log);
            } catch (java.util.concurrent.ExecutionException e) {
                throw (Exception) e.getCause();
            }
        }

        /** A latch counted down as each of {@code sessions} receives a push, which removes it from the set. */
        CountDownLatch awaitSessions(Set<Integer> sessions) {
            CountDownLatch latch = new CountDownLatch(sessions.size());
            awaitedLatch = latch;
            awaited = sessions;
            return latch;
        }

        /** A latch counted down by each push of {@code workerId}'s applications (any worker's when null). */
        CountDownLatch expect(int count, String workerId) {
            expectations.clear();
            CountDownLatch latch = new CountDownLatch(count);
            expectations.add(new Expectation(latch, workerId));
            return latch;
        }

        void timing(Map<String, Long> due, Latencies latencies) {
            this.latencies = latencies;
            this.due = due;
        }

        String failure() {
            return failure == null ? "" : "; the push clients failed: " + failure;
        }

        void failIfBroken() {
            if (failure != null) {
                throw new IllegalStateException("The push clients failed: " + failure);
            }
        }

        @Override
        public void close() throws InterruptedException {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write("STOP\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException gone) {
                // already ended
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
