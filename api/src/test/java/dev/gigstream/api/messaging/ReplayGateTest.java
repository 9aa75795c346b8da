package dev.gigstream.api.messaging;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate in front of a read model that is being rebuilt: while closed the shared processor skips the
 * read model's events and the gate remembers the last; after the hand-over it lets through exactly the
 * events the rebuilding processor did not apply, including one that was a gap when it read past it.
 */
class ReplayGateTest {

    private final ReplayGate gate = new ReplayGate("job-feed");

    @Test
    void skipsWhileClosedAndAfterTheHandOverLetsThroughWhatTheRebuildDidNotApply() throws InterruptedException {
        assertThat(gate.admits(at(3, Set.of()))).isTrue();

        assertThat(gate.close(0)).isTrue();
        assertThat(gate.admits(at(4, Set.of()))).isFalse();
        assertThat(gate.admits(at(5, Set.of()))).isFalse();
        assertThat(gate.lastSkipped().position()).hasValue(5);

        gate.lock().lock();
        try {
            gate.handOver(GapAwareTrackingToken.newInstance(10, Set.of(7L)));
        } finally {
            gate.lock().unlock();
        }
        assertThat(gate.admits(at(6, Set.of()))).as("applied by the rebuild").isFalse();
        assertThat(gate.admits(at(7, Set.of()))).as("a gap when the rebuild read past it").isTrue();
        assertThat(gate.admits(at(10, Set.of()))).as("applied by the rebuild").isFalse();
        assertThat(gate.admits(at(11, Set.of()))).isTrue();
    }

    @Test
    void reopensWhenAReplayDoesNotStart() throws InterruptedException {
        gate.close(0);
        gate.open();

        assertThat(gate.admits(at(1, Set.of()))).isTrue();
    }

    private static TrackedEventMessage<?> at(long position, Set<Long> gaps) {
        return new GenericTrackedEventMessage<>(GapAwareTrackingToken.newInstance(position, gaps),
                GenericEventMessage.asEventMessage("event at " + position));
    }
}
