package dev.gigstream.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Plain threads for the benchmark's concurrent users. */
final class Parallel {

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

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
