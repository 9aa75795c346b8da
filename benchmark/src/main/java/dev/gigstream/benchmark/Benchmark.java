package dev.gigstream.benchmark;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.TimeUnit;

/**
 * The end-to-end benchmark (docs/performance.md): the built jar on the postgres profile as a child
 * process, driven over HTTP, beside the raw commit rate of the same PostgreSQL; prints one table and
 * writes it to {@code benchmark/target/results.md}. Phases and durations come from system properties
 * ({@link Options}).
 */
public final class Benchmark {

    private final Options options;
    private final AppProcess app;
    private final Paystack paystack;
    private final Report report;
    private Api api;
    private LoadDriver driver;
    private Api.User admin;
    private List<Api.User> clients;
    private int pushConnections;

    private Benchmark(Options options, AppProcess app, Paystack paystack, Report report) {
        this.options = options;
        this.app = app;
        this.paystack = paystack;
        this.report = report;
    }

    public static void main(String[] args) {
        Options options = Options.fromSystemProperties(Path.of(args.length > 0 ? args[0] : "benchmark"));
        long limitMinutes = Long.getLong("timeout.minutes", 240);
        new Timer("benchmark-time-limit", true).schedule(new TimerTask() {
            @Override
            public void run() {
                System.out.println("The benchmark stopped: still running after its time limit of " + limitMinutes
                        + " minutes (-Dtimeout.minutes)");
                System.exit(2);
            }
        }, TimeUnit.MINUTES.toMillis(limitMinutes));
        Report report = new Report();
        int exit = 0;
        try {
            run(options, report);
        } catch (Throwable e) {
            System.out.println("The benchmark stopped: " + e);
            e.printStackTrace(System.out);
            report.note("The run stopped early: " + e);
            exit = 1;
        }
        try {
            report.print();
            report.write(options.targetDir().resolve("results.md"));
        } catch (Throwable e) {
            System.out.println("Writing the results failed: " + e);
            exit = 1;
        }
        System.exit(exit);
    }

    /**
     * Runs the chosen phases against a fresh database and the jar, adding their figures to
     * {@code report}; the app is stopped and the database dropped whether it succeeds or not.
     */
    static void run(Options options, Report report) throws Exception {
        Files.createDirectories(options.targetDir());
        try (Paystack paystack = new Paystack(); AppProcess app = AppProcess.withFreshDatabase(options)) {
            new Benchmark(options, app, paystack, report).run();
        }
    }

    private void run() throws Exception {
        System.out.println("Phases: " + options.phases() + "; measuring " + options.measure().toSeconds()
                + " s after " + options.warmUp().toSeconds() + " s of warm-up");
        RawPostgres postgres = new RawPostgres(app::connect);
        describeMachine(postgres);
        double raw1 = Double.NaN;
        double raw8 = Double.NaN;
        if (options.runs("pg")) {
            report.phase("pg");
            System.out.println("Raw PostgreSQL: one-row autocommitted INSERTs ...");
            raw1 = postgres.commitsPerSecond(1, options.measure());
            raw8 = postgres.commitsPerSecond(8, options.measure());
            try (Connection connection = app.connect(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE bench_commit");
            }
            report.info("raw PostgreSQL commits/s, 1 thread", Report.perSecond(raw1));
            report.info("raw PostgreSQL commits/s, 8 threads", Report.perSecond(raw8));
        }

        Map<String, String> appEnvironment = new HashMap<>();
        if (options.runs("push")) {
            pushConnections = Push.connectionsAllowed(options.pushConnections());
            // Tomcat's default is 8,192 connections: the sessions, the HTTP clients and a margin
            appEnvironment.put("SERVER_TOMCAT_MAXCONNECTIONS", Integer.toString(Math.max(8_192, pushConnections + 1_000)));
        }
        app.start(paystack.baseUrl(), paystack.secret(), appEnvironment);
        api = new Api(app.port());
        driver = new LoadDriver(api);
        admin = api.logIn(AppProcess.ADMIN_EMAIL, AppProcess.ADMIN_PASSWORD);
        clients = Collections.synchronizedList(new ArrayList<>());
        Parallel.run(4, 8, i -> clients.add(api.signUp("CLIENT")));

        for (String phase : options.phases()) {
            if (phase.equals("pg")) {
                continue; // measured before the app started
            }
            report.phase(phase);
            long started = System.nanoTime();
            switch (phase) {
                case "commands" -> commands(raw1, raw8);
                case "rate" -> fixedRate();
                case "lifecycles" -> lifecycles();
                case "bytes" -> bytes();
                case "replay" -> replay();
                case "reads" -> reads();
                case "growth" -> growth();
                case "push" -> push();
                case "store" -> store();
                default -> throw new IllegalArgumentException("no phase " + phase);
            }
            System.out.printf("(%s: %.0f s)%n", phase, (System.nanoTime() - started) / 1e9);
        }
        report.phase("");
        appLog();
        report.note("Load average at the end: " + loadAverage() + " (other processes on the machine share its cores)");
        app.stop();
    }

    private void describeMachine(RawPostgres postgres) throws Exception {
        long memoryKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        report.machine(String.format("Machine: %d cores (%s), %.1f GiB memory, load average %s",
                Runtime.getRuntime().availableProcessors(), cpu, memoryKb / 1024.0 / 1024.0, loadAverage()));
        report.machine(String.format("Java %s (%s); %s; synchronous_commit=%s, fsync=%s, shared_buffers=%s",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                postgres.setting("server_version").replaceAll(" .*", "").isEmpty() ? "?" : "PostgreSQL " + postgres.setting("server_version"),
                postgres.setting("synchronous_commit"), postgres.setting("fsync"), postgres.setting("shared_buffers")));
        report.machine("App: " + options.appJar() + " (postgres profile, in-process MongoDB), database " + app.database());
    }

    private static String loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    private void commands(double raw1, double raw8) throws Exception {
        System.out.println("Commands: POST /api/v1/jobs, closed loop ...");
        // the JIT's warm-up: the first minute after start is several times slower than the rest
        driver.closedLoop(clients, options.initialWarmUp(), Duration.ZERO);
        driver.awaitProjectionsCaughtUp(admin);
        LoadDriver.Throughput one = driver.closedLoop(clients.subList(0, 1), options.warmUp(), options.measure());
        driver.awaitProjectionsCaughtUp(admin);
        Duration cpuBefore = app.cpuTime();
        LoadDriver.Throughput eight = driver.closedLoop(clients, options.warmUp(), options.measure());
        driver.awaitProjectionsCaughtUp(admin);
        double cpuPerCommand = (app.cpuTime().toNanos() - cpuBefore.toNanos()) / 1e6 / eight.sent();
        report.add("commands/s, 1 client (" + Report.millis(one.latencies()) + ")", Report.perSecond(one.perSecond()),
                "", Double.isNaN(raw1) ? "" : "PG 1 thread is " + Report.ratio(one.perSecond(), raw1));
        boolean met = eight.perSecond() >= 1_000 && (Double.isNaN(raw8) || raw8 / eight.perSecond() <= 12);
        report.add("commands/s, 8 clients (" + Report.millis(eight.latencies()) + ")", Report.perSecond(eight.perSecond()),
                "≥ 1,000/s, within 12× of PG", (Double.isNaN(raw8) ? "" : "PG 8 threads is "
                        + Report.ratio(eight.perSecond(), raw8) + "; ") + Report.verdict(met));
        // the app's CPU per command with everything it sets off (projections, policies), 8 clients' loop and the
        // catch-up after it: unlike the rates, other work on the machine hardly moves it
        report.info("app CPU per command, 8 clients, projections included", Report.format(cpuPerCommand, "ms"));
        if (one.errors() + eight.errors() > 0) {
            report.note("Commands answered other than 201: " + (one.errors() + eight.errors()));
        }
    }

    private void fixedRate() throws Exception {
        System.out.printf("Fixed rate: %d commands/s for %d s, open loop, with four readers timing the lag ...%n", options.rate(),
                options.measure().toSeconds());
        LoadDriver.FixedRate result = driver.openLoop(clients, admin, options.rate(), options.measure());
        driver.awaitProjectionsCaughtUp(admin);
        report.atMost("p99 at " + options.rate() + " commands/s (p50 " + Report.format(result.latencies().p50(), "ms")
                + ", max " + Report.format(result.latencies().max(), "ms") + ")", result.latencies().p99(), 50, "ms");
        report.atMost("projection lag p99 at " + options.rate() + "/s, 201 → GET visible (p50 "
                + Report.format(result.lag().p50(), "ms") + ")", result.lag().p99(), 200, "ms");
        report.info("worst projection lag sampled every 500 ms at " + options.rate() + "/s",
                result.worstProjectionLag() + " events (" + result.worstProjection() + ")");
        if (result.errors() > 0 || result.lagUnseen() > 0) {
            report.note(String.format("Fixed rate: %d of %d commands failed; %d jobs not visible within 60 s",
                    result.errors(), result.sent(), result.lagUnseen()));
        }
    }

    private void lifecycles() throws Exception {
        List<Integer> counts = options.lifecycleClients();
        int most = counts.stream().mapToInt(Integer::intValue).max().orElse(1);
        System.out.printf("Lifecycles: registering %d clients and %d workers ...%n", most, most);
        Lifecycle lifecycle = new Lifecycle(api, paystack);
        List<Lifecycle.Party> parties = lifecycle.parties(most);
        lifecycle.run(parties.subList(0, 1), Duration.ZERO, options.pollMillis());
        List<Lifecycle.Result> results = new ArrayList<>();
        for (int clientCount : counts) {
            driver.awaitProjectionsCaughtUp(admin);
            int poll = options.pollMillis() * Math.max(1, clientCount / 8);
            System.out.printf("  %d concurrent clients for %d s, waits polling every %d ms ...%n", clientCount,
                    options.measure().toSeconds(), poll);
            Lifecycle.Result result = lifecycle.run(parties.subList(0, clientCount), options.measure(), poll);
            System.out.printf("    %d lifecycles (%.1f/s), %d failed, whole %s%n", result.completed(), result.perSecond(),
                    result.failed(), result.total());
            results.add(result);
        }
        Lifecycle.Result first = results.get(0);
        String firstClients = first.clients() + (first.clients() == 1 ? " client" : " clients");
        if (first.clients() == 1) {
            report.atMost("lifecycle p50, 1 client (p99 " + Report.format(first.total().p99(), "ms") + ")",
                    first.total().p50(), 300, "ms");
        } else {
            report.info("lifecycle p50, " + firstClients, Report.format(first.total().p50(), "ms"));
        }
        for (Lifecycle.Result result : results) {
            String metric = "lifecycles/s, " + result.clients() + (result.clients() == 1 ? " client" : " clients")
                    + (result.clients() == 1 ? "" : " (p50 " + Report.format(result.total().p50(), "ms") + ")");
            if (result.clients() == 64) {
                report.atLeast(metric, result.perSecond(), 50, "/s");
            } else {
                report.info(metric, Report.perSecond(result.perSecond()));
            }
        }
        int failed = results.stream().mapToInt(Lifecycle.Result::failed).sum();
        if (failed > 0) {
            report.note("Lifecycles that failed: " + failed + " (first errors printed above)");
        }
        report.lifecycleSteps(results.toArray(Lifecycle.Result[]::new));
        report.note("Lifecycle waits (until FUNDED, until COMPLETED) poll GET /api/v1/jobs/{id}; the payout transfer is "
                + "seen by a 2 ms scan of the Paystack stand-in's requests.");
    }

    private void bytes() throws Exception {
        System.out.println("Bytes per lifecycle for a client polling job details every second ...");
        Lifecycle lifecycle = new Lifecycle(api, paystack);
        Lifecycle.Party party = lifecycle.parties(1).get(0);
        int runs = options.bytesRuns();
        long[] perLifecycle = new long[2];
        long[] requests = new long[2];
        for (int mode = 0; mode < 2; mode++) {
            Traffic traffic = new Traffic(mode == 1);
            Map<String, Latencies> steps = new HashMap<>();
            Lifecycle.STEPS.forEach(step -> steps.put(step, new Latencies()));
            for (int i = 0; i < runs; i++) {
                lifecycle.once(party, steps, 1_000, traffic);
            }
            perLifecycle[mode] = traffic.bytes() / runs;
            requests[mode] = traffic.requests() / runs;
        }
        report.info("bytes per lifecycle, plain (" + requests[0] + " requests)", String.format("%,d B", perLifecycle[0]));
        report.add("bytes per lifecycle, gzip + If-None-Match (" + requests[1] + " requests)",
                String.format("%,d B", perLifecycle[1]), "", String.format("%.0f%% of plain",
                        100.0 * perLifecycle[1] / perLifecycle[0]));
    }

    private void replay() throws Exception {
        driver.awaitProjectionsCaughtUp(admin);
        long events;
        try (Connection connection = app.connect()) {
            events = AggregateLoad.count(connection);
        }
        String name = options.replayProjection();
        System.out.printf("Replay of %s over %,d events ...%n", name, events);
        long started = System.nanoTime();
        api.post("/api/v1/admin/projections/" + name + "/replay", null, admin.token()).expect(202, "replay");
        while (true) {
            JsonNode status = driver.projections(admin).stream().filter(p -> p.path("name").asText().equals(name))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no projection " + name));
            if (!status.path("position").isNull() && status.path("lag").asLong(-1) == 0 && !status.path("replaying").asBoolean()) {
                break;
            }
            if (System.nanoTime() - started > Duration.ofMinutes(30).toNanos()) {
                throw new IllegalStateException("replay not done after 30 minutes: " + status);
            }
            Parallel.pause(20);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        report.atLeast(String.format("replay events/s, %s (%,d events in %.1f s)", name, events, seconds),
                events / seconds, 20_000, "/s");
    }

    private void reads() throws Exception {
        for (Feed.Read read : new Feed(api, driver).run(admin, clients, options.readsJobs(), options.readsQueries())) {
            report.info(String.format("%s, %,d jobs (%.0f match on average)", read.name(), options.readsJobs(),
                    read.meanTotal()), Report.millis(read.latencies()));
        }
    }

    /** One job with many applicants: applications early and late, and the reads with all of them in. */
    private void growth() throws Exception {
        CrowdedJob.Result result = new CrowdedJob(api, driver).run(admin, clients.get(0), options.growthApplicants(),
                options.growthReads());
        String first = String.format("applications %,d–%,d", result.firstFrom(), result.firstFrom() + result.first().count() - 1);
        String last = String.format("applications %,d–%,d", result.lastFrom(), result.lastFrom() + result.last().count() - 1);
        report.info("apply to one job, p50, " + first, Report.format(result.first().p50(), "ms"));
        double growth = result.last().p50() / result.first().p50();
        report.add("apply to one job, p50, " + last + " of " + String.format("%,d", result.applicants()),
                Report.format(result.last().p50(), "ms"), "within 2× of the first",
                String.format("%.1f×; %s", growth, Report.verdict(growth <= 2)));
        report.atMost(String.format("job details with %,d applicants, p50 (p99 %s)", result.listed(),
                Report.format(result.details().p99(), "ms")), result.details().p50(), 50, "ms");
        report.info(String.format("ranked applicants list of %,d", result.listed()), Report.millis(result.applicantsList()));
    }

    private void push() throws Exception {
        if (pushConnections < options.pushConnections()) {
            report.note(String.format("Push: %,d connections instead of %,d, as the open-file limit (%,d) allows",
                    pushConnections, options.pushConnections(), Push.openFileLimit()));
        }
        driver.awaitProjectionsCaughtUp(admin);
        Push.Result result = new Push(api, app.port(), options.targetDir())
                .run(pushConnections, options.pushSessionsPerAccount(), options.pushRate(), options.pushMeasure());
        System.out.printf("  %,d of %,d pushes arrived for %,d applications (%d failed), %s%n", result.received(),
                result.expected(), result.sent(), result.failedCommands(), result.latencies());
        String sessions = result.accounts() == result.connections() ? ""
                : String.format(" of %,d clients", result.accounts());
        report.atMost(String.format("push p99 at %,d connections%s, application due → pushed (p50 %s)",
                result.connections(), sessions, Report.format(result.latencies().p50(), "ms")), result.latencies().p99(),
                100, "ms");
        report.add(String.format("pushes lost of %,d (%d applications/s)", result.expected(), options.pushRate()),
                Integer.toString(result.lost()), "0", Report.verdict(result.lost() == 0));
        if (result.failedCommands() > 0) {
            report.note("Push: applications answered other than 201: " + result.failedCommands());
        }
        if (result.lateSessions() > 0) {
            report.note(String.format("Push: %,d of %,d sessions missed their first warm-up push (subscribed after it, as the "
                    + "app works through thousands of CONNECT and SUBSCRIBE frames) and were warmed up again", result.lateSessions(),
                    result.connections()));
        }
        report.note("Push: the STOMP clients run in a JVM of their own (PushClients); times are the machine's monotonic "
                + "clock, read by both processes.");
    }

    /**
     * The same measurements just before and just after the bulk load, so that the only difference is
     * the events in the store (not the JIT's warm-up or the read models' size).
     */
    private void store() throws Exception {
        driver.awaitProjectionsCaughtUp(admin);
        AggregateLoad aggregates = new AggregateLoad(api, driver);
        System.out.println("Event-store growth: command rate and aggregate load before the bulk load ...");
        AggregateLoad.Result small = aggregates.measure(admin, clients.get(0), options.aggregateSamples(), app::connect);
        LoadDriver.Throughput smallCommands = driver.closedLoop(clients, options.warmUp(), options.measure());
        System.out.printf("  %,d events in the store: apply %s, store read %s; %.1f commands/s%n", small.storeEvents(),
                small.apply(), small.storeRead(), smallCommands.perSecond());
        driver.awaitProjectionsCaughtUp(admin);

        System.out.println("One more lifecycle from sign-up on, as the bulk loader's template ...");
        long before;
        try (Connection connection = app.connect(); Statement statement = connection.createStatement()) {
            var max = statement.executeQuery("SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
            max.next();
            before = max.getLong(1);
        }
        Lifecycle lifecycle = new Lifecycle(api, paystack);
        Map<String, Latencies> ignored = new HashMap<>();
        Lifecycle.STEPS.forEach(step -> ignored.put(step, new Latencies()));
        lifecycle.once(lifecycle.parties(1).get(0), ignored, options.pollMillis(), null);
        driver.awaitProjectionsCaughtUp(admin);
        Parallel.pause(1_000);
        BulkLoader.Template template;
        try (Connection connection = app.connect()) {
            template = BulkLoader.template(connection, before);
        }
        System.out.printf("  template: %d events, %,d payload+metadata bytes: %s%n", template.size(),
                template.payloadAndMetaBytes(), template.eventTypes());
        System.out.println("  disk before: " + diskFree() + "; database " + databaseSize());
        System.out.printf("Bulk loading %,d events with COPY on %d connections ...%n", options.events(), options.loadThreads());
        BulkLoader.Loaded loaded = BulkLoader.load(app::connect, template, options.events(), options.loadThreads());
        long analyzing = System.nanoTime();
        try (Connection connection = app.connect(); Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE domain_event_entry");
        }
        System.out.printf("  loaded %,d events in %.0f s (%,.0f events/s), ANALYZE %.1f s; disk after: %s; database %s%n",
                loaded.events(), loaded.seconds(), loaded.perSecond(), (System.nanoTime() - analyzing) / 1e9, diskFree(),
                databaseSize());
        report.info(String.format("bulk load (COPY, %d connections), %,d events of %d-event stories", options.loadThreads(),
                loaded.events(), template.size()), Report.perSecond(loaded.perSecond()) + ", db " + databaseSize());

        AggregateLoad.Result big = aggregates.measure(admin, clients.get(0), options.aggregateSamples(), app::connect);
        LoadDriver.Throughput bigCommands = driver.closedLoop(clients, options.warmUp(), options.measure());
        System.out.printf("  %,d events in the store: apply %s, store read %s; %.1f commands/s%n", big.storeEvents(),
                big.apply(), big.storeRead(), bigCommands.perSecond());
        String size = String.format("%s vs %s events", rounded(big.storeEvents()), rounded(small.storeEvents()));
        compare("commands/s, 8 clients, " + size, bigCommands.perSecond(), smallCommands.perSecond(), true);
        compare("aggregate load: apply to a 2-event job, p50 ms, " + size, big.apply().p50(), small.apply().p50(), false);
        compare("event store read of that job's events, p50 ms, " + size, big.storeRead().p50(), small.storeRead().p50(),
                false);
        report.note("Big store: measured just before and just after the bulk load in the same app. The loaded events sit "
                + "below every position the processors have passed (negative global indexes), as a live store's old "
                + "events do; the app was not restarted (with in-memory read models a restart replays every projection "
                + "from the first event).");
    }

    private static String rounded(long events) {
        return events >= 1_000_000 ? String.format("%.1fM", events / 1e6) : String.format("%,dk", events / 1000);
    }

    /** Within 20% of the empty store: for a rate not more than 20% lower, for a time not more than 20% higher. */
    private void compare(String metric, double big, double empty, boolean higherIsBetter) {
        double change = big / empty - 1;
        boolean met = higherIsBetter ? change >= -0.2 : change <= 0.2;
        report.add(metric, Report.format(big, "") + " vs " + Report.format(empty, ""), "within 20%",
                String.format("%+.0f%%; %s", change * 100, Report.verdict(met)));
    }

    private String databaseSize() throws Exception {
        try (Connection connection = app.connect(); Statement statement = connection.createStatement()) {
            var size = statement.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))");
            size.next();
            return size.getString(1);
        }
    }

    private String diskFree() throws IOException {
        var store = Files.getFileStore(options.targetDir());
        return String.format("%.1f GiB free of %.1f GiB", store.getUsableSpace() / 1e9 / 1.074, store.getTotalSpace() / 1e9 / 1.074);
    }

    /** What the app logged at WARN and ERROR, the most frequent messages first. */
    private void appLog() throws IOException {
        Map<String, Integer> messages = new HashMap<>();
        int warnings = 0;
        int errors = 0;
        for (String line : Files.readAllLines(app.log())) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode entry;
            try {
                entry = Api.JSON.readTree(line);
            } catch (RuntimeException notJson) {
                continue;
            }
            String level = entry.path("log").path("level").asText(entry.path("level").asText(""));
            if (level.equals("WARN") || level.equals("ERROR")) {
                if (level.equals("WARN")) {
                    warnings++;
                } else {
                    errors++;
                }
                String logger = entry.path("log").path("logger").asText(entry.path("logger_name").asText(""));
                String message = logger.substring(logger.lastIndexOf('.') + 1) + ": "
                        + entry.path("message").asText("").replaceAll("\\s+", " ");
                messages.merge(level + " " + (message.length() > 160 ? message.substring(0, 160) : message), 1, Integer::sum);
            }
        }
        report.info("app log: WARN / ERROR lines", warnings + " / " + errors);
        Report.top(messages, 5).forEach((message, count) -> report.note("app log ×" + count + ": " + message));
    }
}
