package dev.gigstream.api.messaging;

import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The event processors whose segments the instances share, by processor name: every streaming
 * processor except those of the processing groups each instance runs for itself ({@code ownGroups}:
 * tokens in memory, or in a read-model store of the instance's own). Processors are looked up when
 * asked, so it does not matter how the groups are assigned to processors.
 */
public final class SharedProcessors {

    private final Supplier<org.axonframework.config.EventProcessingConfiguration> processing;
    private final Set<String> ownGroups;

    SharedProcessors(Supplier<org.axonframework.config.EventProcessingConfiguration> processing, Set<String> ownGroups) {
        this.processing = processing;
        this.ownGroups = Set.copyOf(ownGroups);
    }

    /** The shared processors by name, in name order. */
    public Map<String, StreamingEventProcessor> current() {
        var configuration = processing.get();
        Set<String> own = ownGroups.stream()
                .map(group -> configuration.eventProcessorByProcessingGroup(group))
                .flatMap(Optional::stream).map(EventProcessor::getName).collect(Collectors.toSet());
        Map<String, StreamingEventProcessor> shared = new TreeMap<>();
        configuration.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && !own.contains(name)) {
                shared.put(name, streaming);
            }
        });
        return shared;
    }

    /** How many segments the processor's tokens are split into, from its token store. */
    int segmentCount(String processorName) {
        return processing.get().tokenStore(processorName).fetchSegments(processorName).length;
    }

    /** Whether the processor replays as a whole on this instance (see {@link ProjectionProcessors#rebuilding}). */
    static boolean rebuilding(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream().anyMatch(ProjectionProcessors::rebuilding);
    }
}
