package dev.gigstream.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Plain threads for the benchmark's concurrent users, and the pause between two looks of a poll. */
final class Parallel {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "benchmark-timer");
        thread.setDaemon(true);
        return thread;
    });

    private Parallel() {
    }

    /** Runs {@code task(0..count-1)} on {@code threads} threads and waits; rethrows the first failure. */
    static void run(int threads, int count, IntConsumer task) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < count && failures.isEmpty(); i = next.getAndIncrement()) {
                    try {
                        task.accept(i);
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            }, "benchmark-user-" + t);
            thread.setDaemon(true); // a failed run exits at once, whatever a user's thread is waiting for
            thread.start();
            started.add(thread);
        }
        for (Thread thread : started) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    /**
     * Waits {@code millis} between two looks of a poll: the wake-up is scheduled on the benchmark's one
     * timer thread, and the caller waits for it.
     */
    static void pause(long millis) {
        try {
            TIMER.schedule(() -> { }, millis, TimeUnit.MILLISECONDS).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
