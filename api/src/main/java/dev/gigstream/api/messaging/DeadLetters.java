package dev.gigstream.api.messaging;

import dev.gigstream.api.console.DeadLetterEntry;
import dev.gigstream.api.console.DeadLetterConsole;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The projection updates that failed and wait in a dead-letter queue, with the events sagas parked
 * ({@link ParkedEvents}), for admins to see and retry.
 * They are also retried on a schedule, so a transient fault (a read-model store that was briefly
 * away) heals itself; a poison event stays visible until its handler is fixed.
 */
@Component
public class DeadLetters implements DeadLetterConsole {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final int MAX_SEQUENCES_PER_RUN = 1_000;

    private final EventProcessingConfiguration processing;
    private final Projections projections;
    private final ParkedEvents parked;
    private final ReplayGates gates;

    DeadLetters(EventProcessingConfiguration processing, Projections projections, ParkedEvents parked,
                ReplayGates gates) {
        this.processing = processing;
        this.projections = projections;
        this.parked = parked;
        this.gates = gates;
    }

    @Override
    public List<DeadLetterEntry> list() {
        List<DeadLetterEntry> letters = new ArrayList<>();
        for (String projection : projections.shared()) {
            processing.deadLetterQueue(projection).ifPresent(queue -> {
                for (var sequence : queue.deadLetters()) {
                    for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                        letters.add(letter(projection, letter));
                    }
                }
            });
        }
        for (String group : parked.groups()) {
            for (var sequence : parked.queue(group).deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    letters.add(letter(group, letter));
                }
            }
        }
        return letters;
    }

    @Override
    public boolean knows(String group) {
        return projections.shared().contains(group) || parked.groups().contains(group);
    }

    /**
     * Retries every parked sequence of the projection; returns how many sequences were processed successfully.
     * A projection being rebuilt is left alone: its rebuild parks again what still fails.
     */
    @Override
    public int retry(String projection) {
        if (parked.groups().contains(projection)) {
            return parked.retry(projection);
        }
        if (gates.of(projection).isClosed()) {
            return 0;
        }
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor =
                processing.sequencedDeadLetterProcessor(projection);
        int healed = 0;
        for (int i = 0; processor.isPresent() && i < MAX_SEQUENCES_PER_RUN && processor.get().processAny(); i++) {
            healed++;
        }
        return healed;
    }

    @Scheduled(fixedDelayString = "${gigstream.dead-letters.retry-interval:5m}",
            initialDelayString = "${gigstream.dead-letters.retry-interval:5m}")
    void retryAll() {
        for (String projection : knownGroups()) {
            int healed = retry(projection);
            if (healed > 0) {
                log.info("Retried {} dead-lettered sequence(s) of {} successfully", healed, projection);
            }
        }
    }

    private List<String> knownGroups() {
        List<String> groups = new ArrayList<>(projections.shared());
        groups.addAll(parked.groups());
        return groups;
    }

    private static DeadLetterEntry letter(String group, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        DomainEventMessage<?> domainEvent = event instanceof DomainEventMessage<?> d ? d : null;
        return new DeadLetterEntry(group, event.getPayloadType().getName(),
                domainEvent == null ? null : domainEvent.getAggregateIdentifier(),
                domainEvent == null ? null : domainEvent.getSequenceNumber(),
                letter.cause().map(Cause::type).orElse(null),
                letter.cause().map(Cause::message).orElse(null),
                letter.enqueuedAt(), letter.lastTouched());
    }
}
