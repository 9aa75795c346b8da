package dev.gigstream.api.messaging;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * Logs at start which processors read the event stream and how many: each one fetches, schedules and
 * tracks every committed event, so their number is what the stream costs per instance.
 */
@Component
class ProcessorsAtStart {

    private static final Logger log = LoggerFactory.getLogger(ProcessorsAtStart.class);

    private final EventProcessingConfiguration processing;

    ProcessorsAtStart(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @EventListener(ApplicationReadyEvent.class)
    void logProcessors() {
        Map<String, String> kinds = new TreeMap<>();
        for (Map.Entry<String, EventProcessor> processor : processing.eventProcessors().entrySet()) {
            kinds.put(processor.getKey(), processor.getValue().getClass().getSimpleName());
        }
        log.info("{} event processors read the event stream: {}", kinds.size(), kinds);
    }
}
