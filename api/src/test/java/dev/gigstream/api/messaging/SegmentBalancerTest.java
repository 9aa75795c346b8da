package dev.gigstream.api.messaging;

import dev.gigstream.api.testsupport.MovableClock;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * One instance's balancer against processors and instances it is told about: it releases what exceeds
 * its share only once its holdings have settled, never a busy processor's segments, and leaves alone
 * a processor whose released segment nobody took.
 */
class SegmentBalancerTest {

    static final Duration CLAIM_INTERVAL = Duration.ofSeconds(1);
    static final SegmentBalancing SETTINGS = new SegmentBalancing(true, Duration.ofSeconds(5));

    private final MovableClock clock = new MovableClock();
    private final ProcessingNodes nodes = mock(ProcessingNodes.class);
    private final Map<String, EventProcessor> processors = new LinkedHashMap<>();
    private final Map<String, Set<Integer>> held = new LinkedHashMap<>();
    private final Set<String> busy = new HashSet<>();
    private SegmentBalancer balancer;
    private StreamingEventProcessor saga;

    @BeforeEach
    void oneSagaOfFourSegmentsAllHeldHere() {
        var configuration = mock(org.axonframework.config.EventProcessingConfiguration.class);
        when(configuration.eventProcessors()).thenReturn(processors);
        var tokenStore = mock(TokenStore.class);
        when(tokenStore.fetchSegments("saga")).thenReturn(new int[]{0, 1, 2, 3});
        when(configuration.tokenStore("saga")).thenReturn(tokenStore);
        saga = processor("saga", Set.of(0, 1, 2, 3));
        when(nodes.alive()).thenReturn(Set.of("here", "there"));
        when(nodes.nodeId()).thenReturn("here");
        balancer = new SegmentBalancer(new SharedProcessors(() -> configuration, Set.of()), nodes, busy::contains,
                SETTINGS, CLAIM_INTERVAL, clock);
    }

    @Test
    void segmentsJustTakenOverAreNotReleasedUntilTheyHaveSettled() {
        balancer.balance();
        verify(saga, never()).releaseSegment(anyInt(), anyLong(), any());

        balancer.balance();
        verify(saga).releaseSegment(3, 11_000, TimeUnit.MILLISECONDS);
        verify(saga).releaseSegment(2, 11_000, TimeUnit.MILLISECONDS);
    }

    @Test
    void aloneItReleasesNothing() {
        when(nodes.alive()).thenReturn(Set.of("here"));
        balancer.balance();
        balancer.balance();

        verify(saga, never()).releaseSegment(anyInt(), anyLong(), any());
    }

    @Test
    void aBusyProcessorKeepsItsSegments() {
        busy.add("saga");
        balancer.balance();
        balancer.balance();

        verify(saga, never()).releaseSegment(anyInt(), anyLong(), any());
    }

    @Test
    void aProcessorWhoseReleasedSegmentCameBackIsLeftAloneForAWhile() {
        balancer.balance();
        balancer.balance();
        verify(saga).releaseSegment(3, 11_000, TimeUnit.MILLISECONDS);

        // nobody took them: the processor claimed them back when the release was over
        clock.moveBy(Duration.ofSeconds(14));
        balancer.balance();
        balancer.balance();
        verify(saga, org.mockito.Mockito.times(1)).releaseSegment(3, 11_000, TimeUnit.MILLISECONDS);

        clock.moveBy(Duration.ofSeconds(31));
        balancer.balance();
        verify(saga, org.mockito.Mockito.times(2)).releaseSegment(3, 11_000, TimeUnit.MILLISECONDS);
    }

    @Test
    void releasedSegmentsThatWereTakenLeaveNothingToDo() {
        balancer.balance();
        balancer.balance();
        held.put("saga", Set.of(0, 1));

        clock.moveBy(Duration.ofSeconds(14));
        balancer.balance();
        balancer.balance();
        verify(saga, org.mockito.Mockito.times(1)).releaseSegment(3, 11_000, TimeUnit.MILLISECONDS);
    }

    private StreamingEventProcessor processor(String name, Set<Integer> segments) {
        held.put(name, segments);
        var processor = mock(StreamingEventProcessor.class);
        when(processor.getName()).thenReturn(name);
        when(processor.isRunning()).thenReturn(true);
        when(processor.processingStatus()).thenAnswer(call -> held.get(name).stream()
                .collect(Collectors.toMap(segment -> segment, segment -> mock(EventTrackerStatus.class))));
        processors.put(name, processor);
        return processor;
    }
}
