package dev.gigstream.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * What a run measures and for how long, from system properties ({@code -Dseconds=5 -Devents=0 ...}),
 * so that every phase can be shortened or skipped; the smoke test passes tiny sizes the same way.
 */
record Options(Path moduleDir, Path appJar, String pgUrl, String pgUser, String pgPassword, Set<String> phases,
               Duration measure, Duration warmUp, Duration initialWarmUp, int rate, int pollMillis, long events, int loadThreads,
               int aggregateSamples, boolean jfr, boolean keepDatabase, String replayProjection, String appJvmArgs,
               List<Integer> lifecycleClients, int bytesRuns, int readsJobs, int readsQueries, int growthApplicants,
               int growthReads, int pushConnections, int pushSessionsPerAccount, int pushRate, Duration pushMeasure) {

    /** Every phase, in the order they run. */
    static final Set<String> ALL_PHASES = new LinkedHashSet<>(Arrays.asList(
            "pg", "commands", "rate", "lifecycles", "bytes", "replay", "reads", "growth", "store", "push"));

    /**
     * Commands before the first measurement, for the JIT: on 2 cores the app's compiler threads still take a third
     * of its CPU 30 s into a closed loop, and a measurement that starts sooner says more about compilation than
     * about the code (the 10-second pairs of 2026-12-07 did).
     */
    static final int INITIAL_WARM_UP_SECONDS = 60;

    static Options fromSystemProperties(Path moduleDir) {
        return from(moduleDir, System.getProperties());
    }

    static Options from(Path moduleDir, Properties properties) {
        Path root = moduleDir.toAbsolutePath().normalize().getParent();
        String phases = properties.getProperty("phases", String.join(",", ALL_PHASES));
        Set<String> chosen = new LinkedHashSet<>(Arrays.asList(phases.split("\\s*,\\s*")));
        Set<String> unknown = new LinkedHashSet<>(chosen);
        unknown.removeAll(ALL_PHASES);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown phases " + unknown + "; the phases are " + ALL_PHASES);
        }
        long events = number(properties, "events", 10_000_000L);
        if (events <= 0) {
            chosen.remove("store");
        }
        Set<String> ordered = new LinkedHashSet<>(ALL_PHASES);
        ordered.retainAll(chosen);
        int seconds = (int) number(properties, "seconds", 20);
        return new Options(moduleDir.toAbsolutePath().normalize(),
                Path.of(properties.getProperty("app.jar", root.resolve("api/target/gigstream.jar").toString())),
                properties.getProperty("pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                properties.getProperty("pg.user", "postgres"),
                properties.getProperty("pg.password", ""),
                ordered,
                Duration.ofSeconds(seconds),
                Duration.ofSeconds(number(properties, "warmup", Math.max(2, Math.min(10, seconds / 4)))),
                Duration.ofSeconds(number(properties, "warmup.initial", INITIAL_WARM_UP_SECONDS)),
                (int) number(properties, "rate", 100),
                (int) number(properties, "poll.ms", 5),
                events,
                (int) number(properties, "load.threads", 2),
                (int) number(properties, "aggregate.samples", 200),
                Boolean.parseBoolean(properties.getProperty("jfr", "false")),
                Boolean.parseBoolean(properties.getProperty("keep.db", "false")),
                properties.getProperty("replay.projection", "job-feed"),
                properties.getProperty("app.jvm", ""),
                Arrays.stream(properties.getProperty("lifecycle.clients", "1,8,64").split("\\s*,\\s*"))
                        .map(Integer::valueOf).toList(),
                (int) number(properties, "bytes.runs", 3),
                (int) number(properties, "reads.jobs", 10_000),
                (int) number(properties, "reads.queries", 1_000),
                (int) number(properties, "growth.applicants", 1_000),
                (int) number(properties, "growth.reads", 500),
                (int) number(properties, "push.connections", 10_000),
                (int) Math.max(1, number(properties, "push.sessions.per.account", 1)),
                (int) number(properties, "push.rate", 50),
                Duration.ofSeconds(number(properties, "push.seconds", seconds)));
    }

    private static long number(Properties properties, String name, long otherwise) {
        String value = properties.getProperty(name);
        return value == null || value.isBlank() ? otherwise : Long.parseLong(value.trim());
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    Path targetDir() {
        return moduleDir.resolve("target");
    }
}
