package dev.gigstream.api.web;

import dev.gigstream.api.messaging.ReadModelPositions;
import dev.gigstream.api.messaging.WritePositions;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a controller needs of the event stream to answer a write with its {@code Read-Position}
 * ({@link ReadPositions}): the event its command is about to cause, the head of the stream, and a brief
 * wait for the read models to pass a position. The processing layer ({@code api.messaging}) stays behind it.
 */
@Component
public class WrittenEvents {

    private final WritePositions writes;
    private final ReadModelPositions readModels;

    WrittenEvents(WritePositions writes, ReadModelPositions readModels) {
        this.writes = writes;
        this.readModels = readModels;
    }

    /** An event of {@code type} matching {@code which}, registered before the command that causes it is sent. */
    public <T> Expected<T> expect(Class<T> type, Predicate<T> which) {
        return new Expected<>(writes.expect(type, which));
    }

    /** The position of the newest event in the store, -1 for an empty store. */
    public long head() {
        return writes.head();
    }

    /** Waits up to {@code max} for the read models answering {@code queries} to pass {@code position}. */
    public boolean awaitReadModels(long position, Duration max, Class<?>... queries) {
        return readModels.awaitReadModels(position, max, queries);
    }

    /** An event once committed, with its position in the stream. */
    public record Written<T>(T payload, long position) {
    }

    /** An event a command about to be sent causes. */
    public static final class Expected<T> {

        private final WritePositions.Expected<T> expected;

        private Expected(WritePositions.Expected<T> expected) {
            this.expected = expected;
        }

        /** Once the command is done: the event's position, or the head's when it did not cause it. */
        public long position() {
            return expected.position();
        }

        /** The event once committed, if it is by {@code until}; the wait is given up otherwise. */
        public Optional<Written<T>> by(Instant until) {
            return expected.by(until).map(committed -> new Written<>(committed.payload(), committed.position()));
        }

        /** The command was refused, or the event is not needed: nothing to wait for. */
        public void cancel() {
            expected.cancel();
        }
    }
}
