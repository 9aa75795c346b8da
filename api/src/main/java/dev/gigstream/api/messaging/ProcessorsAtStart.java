package dev.gigstream.api.messaging;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * Logs at start which processors read the event stream and how many: each one fetches, schedules and
 * tracks every committed event, so their number is what the stream costs per instance. Subscribing
 * processors (the command side's lookup tables) read no stream: they run in the unit of work that
 * publishes, and are logged apart.
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
        Map<String, String> streaming = new TreeMap<>();
        Map<String, String> subscribing = new TreeMap<>();
        for (Map.Entry<String, EventProcessor> processor : processing.eventProcessors().entrySet()) {
            (processor.getValue() instanceof StreamingEventProcessor ? streaming : subscribing)
                    .put(processor.getKey(), processor.getValue().getClass().getSimpleName());
        }
        log.info("{} event processors read the event stream: {}; {} run as events are published: {}",
                streaming.size(), streaming, subscribing.size(), subscribing.keySet());
    }
}
