package dev.gigstream.api.job;

import dev.gigstream.api.messaging.ReadModelPositions;
import dev.gigstream.messages.job.ApplicationEligibility;
import dev.gigstream.messages.job.EligibilityReason;
import dev.gigstream.messages.job.FindApplicationEligibility;
import dev.gigstream.messages.worker.FindWorkerProfile;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The ranking's verdict is answered at once when the profile read model already holds the worker's latest
 * event; only a verdict that may be stale waits for the read models to pass the application.
 */
class ApplicationEligibilityCheckTest {

    static final long APPLICATION = 120;

    final QueryGateway queries = mock(QueryGateway.class);
    final ReadModelPositions positions = mock(ReadModelPositions.class);
    final EventStore events = mock(EventStore.class);
    final ApplicationEligibilityCheck check = new ApplicationEligibilityCheck(queries, positions, events);

    @Test
    void aVerdictOnTheWorkersLatestProfileIsAnsweredWithoutWaiting() {
        when(events.lastSequenceNumberFor("w1")).thenReturn(Optional.of(3L));
        rankingAnswers(verdict(true, 3));

        assertThat(check.of("j1", "w1", APPLICATION)).hasValueSatisfying(answer -> assertThat(answer.eligible()).isTrue());
        verify(positions, never()).awaitReadModels(anyLong(), any(), any(Class[].class));
    }

    @Test
    void aVerdictOnAnOlderProfileWaitsForTheReadModelsAndAsksAgain() {
        when(events.lastSequenceNumberFor("w1")).thenReturn(Optional.of(3L));
        rankingAnswers(verdict(false, 0), verdict(true, 3));
        when(positions.awaitReadModels(eq(APPLICATION), any(), eq(FindApplicationEligibility.class),
                eq(FindWorkerProfile.class))).thenReturn(true);

        assertThat(check.of("j1", "w1", APPLICATION)).hasValueSatisfying(answer -> assertThat(answer.eligible()).isTrue());
    }

    @Test
    void aJobTheReadModelDoesNotKnowYetWaitsAndNothingIsClaimedWhenTheWaitRunsOut() {
        when(events.lastSequenceNumberFor("w1")).thenReturn(Optional.of(3L));
        when(queries.query(any(FindApplicationEligibility.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.<Object>completedFuture(Optional.empty()));
        when(positions.awaitReadModels(eq(APPLICATION), any(), eq(FindApplicationEligibility.class),
                eq(FindWorkerProfile.class))).thenReturn(false);

        assertThat(check.of("j1", "w1", APPLICATION)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private void rankingAnswers(ApplicationEligibility first, ApplicationEligibility... then) {
        CompletableFuture<Object>[] later = Arrays.stream(then)
                .map(answer -> CompletableFuture.<Object>completedFuture(Optional.of(answer)))
                .toArray(CompletableFuture[]::new);
        when(queries.query(any(FindApplicationEligibility.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.<Object>completedFuture(Optional.of(first)), later);
    }

    private static ApplicationEligibility verdict(boolean eligible, long workerSequence) {
        return new ApplicationEligibility("j1", "w1", eligible, eligible ? List.of() : List.of(EligibilityReason.NO_PROFILE),
                List.of(), null, workerSequence);
    }
}
