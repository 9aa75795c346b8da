package dev.gigstream.api.messaging;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write learns the position of the event it caused from the follower of the event store; when it
 * caused none, the head of the stream stands for it; a fact that comes later is waited for until a deadline.
 */
class WritePositionsTest {

    record Applied(String jobId) {
    }

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final CommittedEvents committed = new CommittedEvents(() -> eventStore);
    private final WritePositions writes = new WritePositions(committed, eventStore);

    WritePositionsTest() {
        eventStore.publish(GenericEventMessage.asEventMessage(new Applied("before")));
        committed.start();
        // the follower has taken the head it follows from: what is published next is handed over
        assertThat(committed.reached(0)).succeedsWithin(Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        committed.stop();
        eventStore.shutDown();
    }

    @Test
    void aWriteLearnsThePositionOfTheEventItCaused() {
        var applied = writes.expect(Applied.class, event -> event.jobId().equals("job-1"));
        eventStore.publish(GenericEventMessage.asEventMessage(new Applied("job-1")),
                GenericEventMessage.asEventMessage(new Applied("other")));

        assertThat(applied.position()).isEqualTo(1);
    }

    @Test
    void aWriteThatCausedNoEventAnswersTheHead() {
        eventStore.publish(GenericEventMessage.asEventMessage(new Applied("other")));
        var applied = writes.expect(Applied.class, event -> event.jobId().equals("job-1"));

        assertThat(applied.position()).isEqualTo(writes.head()).isEqualTo(1);
    }

    @Test
    void aLaterFactIsWaitedForUntilItsDeadline() {
        var checkout = writes.expect(Applied.class, event -> event.jobId().equals("job-2"));

        assertThat(checkout.by(Instant.now().plusMillis(100))).isEmpty();
        var next = writes.expect(Applied.class, event -> event.jobId().equals("job-3"));
        eventStore.publish(GenericEventMessage.asEventMessage(new Applied("job-3")));
        assertThat(next.by(Instant.now().plusSeconds(10))).hasValueSatisfying(fact -> assertThat(fact.position()).isEqualTo(1));
    }
}
