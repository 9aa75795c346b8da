package dev.gigstream.benchmark;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Single-event commands ({@code POST /api/v1/jobs}) as fast as closed-loop clients can send them, or
 * at a fixed rate (open loop, timed from when each command was due, so a slow answer does not hide
 * the ones queued behind it), with the projection lag seen by a reader.
 */
final class LoadDriver {

    /** {@code sent}: every command the loop sent, its warm-up's included. */
    record Throughput(int clients, double perSecond, Latencies latencies, int errors, int sent) {
    }

    record FixedRate(int rate, int sent, int errors, Latencies latencies, Latencies lag, int lagUnseen,
                     long worstProjectionLag, String worstProjection) {
    }

    private record Pending(String jobId, long answeredAt) {
    }

    /** Readers timing the lag: enough to keep up with 100 checks a second when each GET takes tens of ms. */
    private static final int LAG_READERS = Integer.getInteger("lag.readers", 2);
    /** One job in this many is timed until visible, so that the readers' polls hardly load the app they measure. */
    private static final int LAG_EVERY = Integer.getInteger("lag.every", 10);

    private final Api api;

    LoadDriver(Api api) {
        this.api = api;
    }

    /** Each client posts jobs one after another: {@code warmUp} unmeasured, then {@code measure} counted. */
    Throughput closedLoop(List<Api.User> clients, Duration warmUp, Duration measure) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger sentInAll = new AtomicInteger();
        long measureFrom = System.nanoTime() + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        Parallel.run(clients.size(), clients.size(), i -> {
            Api.User client = clients.get(i);
            while (true) {
                long sent = System.nanoTime();
                if (sent >= end) {
                    return;
                }
                int status = api.send("POST", "/api/v1/jobs", Market.unmatchedJob(), client.token(), Map.of(), null).status();
                long answered = System.nanoTime();
                sentInAll.incrementAndGet();
                if (sent >= measureFrom && answered <= end) {
                    if (status == 201) {
                        latencies.record(answered - sent);
                    } else {
                        errors.incrementAndGet();
                    }
                }
            }
        });
        return new Throughput(clients.size(), latencies.count() / (measure.toNanos() / 1e9), latencies, errors.get(), sentInAll.get());
    }

    /**
     * Posts {@code rate} jobs a second for {@code duration}, round robin over the clients. Two readers
     * poll the details of every tenth new job (oldest first, each reader one job at a time every 2 ms,
     * the next right after it appears) to time the 201 → visible lag, and the admin's projection list
     * is sampled every 500 ms.
     */
    FixedRate openLoop(List<Api.User> clients, Api.User admin, int rate, Duration duration) throws InterruptedException {
        Latencies latencies = new Latencies();
        Latencies lag = new Latencies();
        AtomicInteger errors = new AtomicInteger();
        ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
        AtomicInteger unseen = new AtomicInteger();
        AtomicLong worstLag = new AtomicLong(-1);
        AtomicReference<String> worstProjection = new AtomicReference<>("");
        AtomicInteger sending = new AtomicInteger(1);

        List<Thread> readers = new java.util.ArrayList<>();
        for (int r = 0; r < LAG_READERS; r++) {
            readers.add(new Thread(() -> readUntilVisible(admin, pending, lag, sending, unseen), "lag-reader-" + r));
        }
        Thread sampler = new Thread(() -> {
            while (sending.get() > 0) {
                for (JsonNode projection : projections(admin)) {
                    long projectionLag = projection.path("lag").asLong(0);
                    if (projectionLag > worstLag.get()) {
                        worstLag.set(projectionLag);
                        worstProjection.set(projection.path("name").asText());
                    }
                }
                Parallel.pause(500);
            }
        }, "projection-sampler");
        readers.forEach(reader -> reader.setDaemon(true));
        sampler.setDaemon(true);
        readers.forEach(Thread::start);
        sampler.start();

        int total = (int) (rate * duration.toSeconds());
        long period = 1_000_000_000L / rate;
        long begin = System.nanoTime();
        List<CompletableFuture<?>> inFlight = new CopyOnWriteArrayList<>();
        for (int i = 0; i < total; i++) {
            long due = begin + i * period;
            long wait = due - System.nanoTime();
            if (wait > 1_000_000) {
                LockSupport.parkNanos(wait - 1_000_000); // pacing: park to a millisecond before, then spin to the due time
            }
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            Api.User client = clients.get(i % clients.size());
            int sample = i;
            inFlight.add(api.sendAsync("POST", "/api/v1/jobs", Market.unmatchedJob(), client.token(), Map.of(), null)
                    .whenComplete((answer, failure) -> {
                        long answered = System.nanoTime();
                        if (failure == null && answer.status() == 201) {
                            latencies.record(answered - due);
                            if (sample % LAG_EVERY == 0) {
                                pending.add(new Pending(answer.json().get("jobId").asText(), answered));
                            }
                        } else {
                            errors.incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        sending.set(0);
        for (Thread reader : readers) {
            reader.join();
        }
        sampler.join();
        return new FixedRate(rate, total, errors.get(), latencies, lag, unseen.get() + pending.size(), worstLag.get(),
                worstProjection.get());
    }

    /**
     * Takes the oldest job not yet seen and polls its details every 2 ms until they answer 200; the lag
     * is from the command's 201 to that answer. A job not visible within 60 s is given up.
     */
    private void readUntilVisible(Api.User reader, ConcurrentLinkedQueue<Pending> pending, Latencies lag,
                                  AtomicInteger sending, AtomicInteger unseen) {
        while (true) {
            Pending job = pending.poll();
            if (job == null) {
                if (sending.get() == 0) {
                    return;
                }
                Parallel.pause(2);
                continue;
            }
            long giveUpAt = job.answeredAt() + Duration.ofSeconds(60).toNanos();
            while (api.get("/api/v1/jobs/" + job.jobId(), reader.token()).status() != 200) {
                if (System.nanoTime() > giveUpAt) {
                    unseen.incrementAndGet();
                    break;
                }
                Parallel.pause(2);
            }
            if (System.nanoTime() <= giveUpAt) {
                lag.record(System.nanoTime() - job.answeredAt());
            }
        }
    }

    /** The projections as the admin sees them: name, position, lag (events) and replaying. */
    List<JsonNode> projections(Api.User admin) {
        JsonNode list = api.get("/api/v1/admin/projections", admin.token()).expect(200, "projections").json();
        List<JsonNode> all = new java.util.ArrayList<>();
        list.forEach(all::add);
        return all;
    }

    /** Waits until every projection has caught up with the event store (at most two minutes). */
    void awaitProjectionsCaughtUp(Api.User admin) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (projections(admin).stream().allMatch(p -> p.path("lag").asLong(0) == 0 && !p.path("replaying").asBoolean())) {
                return;
            }
            Parallel.pause(100);
        }
        System.out.println("  (projections still lag after two minutes: " + projections(admin) + ")");
    }
}
