package dev.gigstream.api.messaging;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor that read models share starts, the first time, where their own processors were: from the
 * oldest of their positions, replaying up to the newest, so no read model misses an event and the ones
 * that were ahead see their events again only as a replay.
 */
class TokensBeforeSharingTest {

    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final InMemoryTokenStore tokens = new InMemoryTokenStore();

    @AfterEach
    void stop() {
        events.shutDown();
    }

    @Test
    void startsAtTheOldestTokenOfItsReadModelsAsAReplayUpToTheNewest() {
        tokens.initializeTokenSegments("job-feed", 1, GapAwareTrackingToken.newInstance(40, Set.of()));
        tokens.initializeTokenSegments("disputes", 1, GapAwareTrackingToken.newInstance(25, Set.of()));

        TrackingToken start = TokensBeforeSharing.start("read-models-jobs", Set.of("job-feed", "disputes", "ratings"),
                tokens).apply(events);

        assertThat(ReplayToken.isReplay(start)).isTrue();
        assertThat(start.position()).hasValue(25);
        assertThat(ReplayToken.getTokenAtReset(start)).hasValue(40);
    }

    @Test
    void startsAtTheStartOfTheStreamWhenItsReadModelsHadNoProcessorsBefore() {
        TrackingToken start = TokensBeforeSharing.start("read-models-jobs", Set.of("job-feed"), tokens).apply(events);

        assertThat(ReplayToken.isReplay(start)).isFalse();
        assertThat(start).isEqualTo(events.createTailToken());
    }
}
