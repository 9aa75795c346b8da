package dev.gigstream.api.messaging;

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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The projection updates that failed and wait in a dead-letter queue, for admins to see and retry.
 * They are also retried on a schedule, so a transient fault (a read-model store that was briefly
 * away) heals itself; a poison event stays visible until its handler is fixed.
 */
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final int MAX_SEQUENCES_PER_RUN = 1_000;

    private final EventProcessingConfiguration processing;
    private final Projections projections;

    DeadLetters(EventProcessingConfiguration processing, Projections projections) {
        this.processing = processing;
        this.projections = projections;
    }

    public List<Letter> list() {
        List<Letter> letters = new ArrayList<>();
        for (String projection : projections.shared()) {
            processing.deadLetterQueue(projection).ifPresent(queue -> {
                for (var sequence : queue.deadLetters()) {
                    for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                        letters.add(Letter.of(projection, letter));
                    }
                }
            });
        }
        return letters;
    }

    public boolean knows(String projection) {
        return projections.shared().contains(projection);
    }

    /** Retries every parked sequence of the projection; returns how many sequences were processed successfully. */
    public int retry(String projection) {
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
        for (String projection : projections.shared()) {
            int healed = retry(projection);
            if (healed > 0) {
                log.info("Retried {} dead-lettered sequence(s) of projection {} successfully", healed, projection);
            }
        }
    }

    public record Letter(String projection, String eventType, String aggregateId, Long sequenceNumber,
                         String causeType, String causeMessage, Instant enqueuedAt, Instant lastTouched) {

        static Letter of(String projection, DeadLetter<? extends EventMessage<?>> letter) {
            EventMessage<?> event = letter.message();
            DomainEventMessage<?> domainEvent = event instanceof DomainEventMessage<?> d ? d : null;
            return new Letter(projection, event.getPayloadType().getName(),
                    domainEvent == null ? null : domainEvent.getAggregateIdentifier(),
                    domainEvent == null ? null : domainEvent.getSequenceNumber(),
                    letter.cause().map(Cause::type).orElse(null),
                    letter.cause().map(Cause::message).orElse(null),
                    letter.enqueuedAt(), letter.lastTouched());
        }
    }
}
