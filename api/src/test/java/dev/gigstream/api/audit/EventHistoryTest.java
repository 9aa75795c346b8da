package dev.gigstream.api.audit;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EventHistoryTest {

    @Test
    void anEventInOrderIsAtTheTokensIndex() {
        var before = GapAwareTrackingToken.newInstance(116, Set.of());
        assertThat(EventHistory.positionOf(GapAwareTrackingToken.newInstance(118, Set.of(117L)), before)).isEqualTo(118);
    }

    @Test
    void anEventFillingAGapIsAtTheGapNotAtTheHighestIndexSeen() {
        var before = GapAwareTrackingToken.newInstance(118, Set.of(117L));
        assertThat(EventHistory.positionOf(GapAwareTrackingToken.newInstance(118, Set.of()), before)).isEqualTo(117);
    }

    @Test
    void axonServerTokensArePositionsThemselves() {
        assertThat(EventHistory.positionOf(new GlobalSequenceTrackingToken(42), new GlobalSequenceTrackingToken(41))).isEqualTo(42);
        assertThat(EventHistory.positionOf(new GlobalSequenceTrackingToken(0), null)).isZero();
    }
}
