package dev.gigstream.query.testing;

import dev.gigstream.messages.worker.WorkerProfileUpdated;
import dev.gigstream.query.common.SharedProcessor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test-only projection that fails on a "poison" bio until it is healed, as a buggy projection would. It
 * shares the people read models' processor, so a failure of its own must not hold the others up.
 */
@SharedProcessor(SharedProcessor.PEOPLE_READ_MODELS)
@ProcessingGroup(FlakyProjection.NAME)
public class FlakyProjection {

    public static final String NAME = "flaky-test-projection";
    public static volatile boolean healed;
    public static final Set<String> seen = ConcurrentHashMap.newKeySet();

    @EventHandler
    void on(WorkerProfileUpdated event) {
        if (!healed && event.bio() != null && event.bio().contains("poison")) {
            throw new IllegalStateException("cannot project " + event.workerId());
        }
        seen.add(event.workerId().value());
    }
}
