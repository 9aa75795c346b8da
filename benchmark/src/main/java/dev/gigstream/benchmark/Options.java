package dev.gigstream.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a run measures and for how long, from system properties ({@code -Dseconds=5 -Devents=0 ...}),
 * so that every phase can be shortened or skipped.
 */
record Options(Path moduleDir, Path appJar, String pgUrl, String pgUser, String pgPassword, Set<String> phases,
               Duration measure, Duration warmUp, Duration initialWarmUp, int rate, int pollMillis, long events, int loadThreads,
               int aggregateSamples, boolean jfr, boolean keepDatabase, String replayProjection, String appJvmArgs) {

    static final Set<String> ALL_PHASES = new LinkedHashSet<>(
            Arrays.asList("pg", "commands", "rate", "lifecycles", "bytes", "replay", "growth"));

    static Options fromSystemProperties(Path moduleDir) {
        Path root = moduleDir.toAbsolutePath().normalize().getParent();
        String phases = System.getProperty("phases", String.join(",", ALL_PHASES));
        Set<String> chosen = new LinkedHashSet<>(Arrays.asList(phases.split("\\s*,\\s*")));
        chosen.retainAll(ALL_PHASES);
        long events = Long.getLong("events", 10_000_000L);
        if (events <= 0) {
            chosen.remove("growth");
        }
        int seconds = Integer.getInteger("seconds", 20);
        return new Options(moduleDir.toAbsolutePath().normalize(),
                Path.of(System.getProperty("app.jar", root.resolve("api/target/gigstream.jar").toString())),
                System.getProperty("pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                System.getProperty("pg.user", "postgres"),
                System.getProperty("pg.password", ""),
                chosen,
                Duration.ofSeconds(seconds),
                Duration.ofSeconds(Integer.getInteger("warmup", Math.max(2, Math.min(10, seconds / 4)))),
                Duration.ofSeconds(Integer.getInteger("warmup.initial", Math.max(5, Math.min(30, seconds)))),
                Integer.getInteger("rate", 100),
                Integer.getInteger("poll.ms", 5),
                events,
                Integer.getInteger("load.threads", 2),
                Integer.getInteger("aggregate.samples", 200),
                Boolean.getBoolean("jfr"),
                Boolean.getBoolean("keep.db"),
                System.getProperty("replay.projection", "job-feed"),
                System.getProperty("app.jvm", ""));
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    Path targetDir() {
        return moduleDir.resolve("target");
    }
}
