package dev.gigstream.api.messaging;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A read waits until its read model's processor has passed the write's position, as the token store
 * tells it, and gives up after its wait; a token that skipped the position (its transaction still open)
 * has not passed it.
 */
class ReadModelPositionsTest {

    static final String PROCESSOR = "job-read-models";

    /** A read model answering {@link FindThing}, on the shared processor. */
    @ProcessingGroup("things")
    static class ThingProjection {
        @QueryHandler
        Optional<String> handle(FindThing query) {
            return Optional.empty();
        }
    }

    record FindThing(String id) {
    }

    @Nested
    class ASegmentCoversAPosition {

        @Test
        void whenItReadPastIt() {
            assertThat(ReadModelPositions.covers(new GlobalSequenceTrackingToken(7), 7)).isTrue();
            assertThat(ReadModelPositions.covers(new GlobalSequenceTrackingToken(6), 7)).isFalse();
        }

        @Test
        void notWhenItSkippedItsTransactionStillOpen() {
            assertThat(ReadModelPositions.covers(GapAwareTrackingToken.newInstance(9, Set.of(7L)), 7)).isFalse();
            assertThat(ReadModelPositions.covers(GapAwareTrackingToken.newInstance(9, Set.of(5L)), 7)).isTrue();
        }

        @Test
        void whileReplayingOnlyAtWhereTheReplayIs() {
            TrackingToken replaying = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(20),
                    new GlobalSequenceTrackingToken(3));
            assertThat(ReadModelPositions.covers(replaying, 10)).isFalse();
            assertThat(ReadModelPositions.covers(null, 0)).isFalse();
        }
    }

    private final ProcessorTokens tokens = mock(ProcessorTokens.class);
    private final TokensStored stored = new TokensStored();
    private final AtomicLong stream = new AtomicLong(5);
    private ReadModelPositions positions;

    ReadModelPositionsTest() {
        when(tokens.of(any())).thenAnswer(call -> Map.of(PROCESSOR, List.of(new GlobalSequenceTrackingToken(stream.get()))));
        var beans = new StaticListableBeanFactory();
        beans.addBean("thingProjection", new ThingProjection());
        var projections = new Projections(Set.of("things"), Set.of(), Set.of(), Set.of(), Map.of("things", PROCESSOR));
        positions = new ReadModelPositions(tokens, projections, beans, stored);
    }

    @AfterEach
    void stop() {
        positions.stop();
    }

    @Test
    void aReadWaitsUntilItsReadModelHasPassedThePosition() {
        CompletableFuture<Boolean> read = CompletableFuture.supplyAsync(
                () -> positions.awaitReadModels(8, Duration.ofSeconds(10), FindThing.class));

        stream.set(8);
        stored.signal();

        assertThat(read.join()).isTrue();
    }

    @Test
    void aReadWhoseReadModelDoesNotGetThereGivesUpAfterItsWait() {
        assertThat(positions.awaitReadModels(8, Duration.ofMillis(200), FindThing.class)).isFalse();
        // the pause between looks grows while nothing moves: far fewer looks than at a fixed 2 ms
        verify(tokens, atMost(30)).of(any());
    }

    @Test
    void aReadModelAlreadyPastThePositionAnswersAtOnce() {
        assertThat(positions.awaitReadModels(5, Duration.ofSeconds(10), FindThing.class)).isTrue();
        verify(tokens).of(Set.of(PROCESSOR));
    }
}
