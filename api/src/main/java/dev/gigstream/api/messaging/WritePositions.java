package dev.gigstream.api.messaging;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Where in the event stream a write's events are, for the answer's {@code Read-Position}: the request
 * says which event its command causes before sending it, and learns that event's position from the
 * follower of the event store ({@link CommittedEvents}) once the command is done. When the command caused
 * no such event (a repeat, or it changed nothing) the position is the head of the stream as it was then,
 * which lies past whatever the command depended on.
 */
public class WritePositions {

    /** How long the follower may take to see a write that was just committed. */
    private static final Duration FOLLOWER_WAIT = Duration.ofSeconds(1);

    private final CommittedEvents committed;
    private final EventStore eventStore;

    WritePositions(CommittedEvents committed, EventStore eventStore) {
        this.committed = committed;
        this.eventStore = eventStore;
    }

    /** Register before sending the command that causes the event. */
    public <T> Expected<T> expect(Class<T> type, Predicate<T> which) {
        return new Expected<>(committed.next(type, which));
    }

    /** The position of the newest event in the store, -1 for an empty store. */
    public long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** An event a command about to be sent causes. */
    public final class Expected<T> {

        private final CompletableFuture<CommittedEvents.Committed<T>> event;

        private Expected(CompletableFuture<CommittedEvents.Committed<T>> event) {
            this.event = event;
        }

        /**
         * Once the command is done: the event's position; the head's when the follower has reached the head
         * without it (the command did not cause it) or does not within a second.
         */
        public long position() {
            long head = head();
            CompletableFuture<Void> reached = committed.reached(head);
            try {
                CompletableFuture.anyOf(event, reached).get(FOLLOWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // the head stands for it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                reached.cancel(false);
            }
            long position = event.isDone() && !event.isCompletedExceptionally() ? event.join().position() : head;
            cancel();
            return position;
        }

        /**
         * The event once committed, if it is by {@code until} (a fact a saga causes after the command, such
         * as the checkout page); the wait is given up otherwise.
         */
        public Optional<CommittedEvents.Committed<T>> by(Instant until) {
            try {
                return Optional.of(event.get(Math.max(0, Duration.between(Instant.now(), until).toMillis()),
                        TimeUnit.MILLISECONDS));
            } catch (TimeoutException | ExecutionException | CancellationException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } finally {
                cancel();
            }
        }

        /** The command was refused, or the event is not needed: nothing to wait for. */
        public void cancel() {
            event.cancel(false);
        }
    }
}
