package dev.gigstream.query.testing;

import dev.gigstream.messages.worker.WorkerProfileUpdated;
import dev.gigstream.query.common.SharedProcessor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only read model that counts each worker's profile updates, sharing the people read models'
 * processor; while it is being replayed it waits at its first event until the test lets it go, so the
 * test can post events during the replay.
 */
@SharedProcessor(SharedProcessor.PEOPLE_READ_MODELS)
@ProcessingGroup(ProfileUpdateCounts.NAME)
public class ProfileUpdateCounts {

    public static final String NAME = "profile-update-counts-test-projection";
    public static final Map<String, Integer> counts = new ConcurrentHashMap<>();
    public static final AtomicInteger resets = new AtomicInteger();
    public static volatile CountDownLatch replayHeld = new CountDownLatch(0);

    @EventHandler
    void on(WorkerProfileUpdated event, ReplayStatus status) throws InterruptedException {
        if (status.isReplay() && !replayHeld.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test did not let the replay go on");
        }
        counts.merge(event.workerId().value(), 1, Integer::sum);
    }

    @ResetHandler
    void reset() {
        counts.clear();
        resets.incrementAndGet();
    }
}
