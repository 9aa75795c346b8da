package dev.gigstream.api.messaging;

import dev.gigstream.query.feed.OpenJobIndex;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Lets the in-memory open-job index answer the feed once its processor has replayed the event
 * stream up to the present; until then the feed is answered from MongoDB.
 */
@Component
class OpenJobIndexWarmup {

    private static final Logger log = LoggerFactory.getLogger(OpenJobIndexWarmup.class);

    private final EventProcessingConfiguration processing;
    private final OpenJobIndex index;

    OpenJobIndexWarmup(EventProcessingConfiguration processing, OpenJobIndex index) {
        this.processing = processing;
        this.index = index;
    }

    @Scheduled(fixedDelay = 250)
    void markReadyOnceCaughtUp() {
        if (index.ready()) {
            return;
        }
        processing.eventProcessorByProcessingGroup(OpenJobIndex.NAME, StreamingEventProcessor.class).ifPresent(processor -> {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            double claimed = status.values().stream().mapToDouble(s -> 1.0 / (s.getSegment().getMask() + 1)).sum();
            boolean wholeStreamClaimed = Math.abs(claimed - 1.0) < 1e-9;
            if (wholeStreamClaimed && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp)) {
                index.markReady();
                log.info("The open-job index has caught up with the event stream and now answers the feed");
            }
        });
    }
}
