package dev.gigstream.api.console;

import java.util.List;

/**
 * The operator console's port to what failed and waits to be retried: the projections' dead letters
 * and the events sagas and policies parked. The processing layer implements it.
 */
public interface DeadLetterConsole {

    List<DeadLetterEntry> list();

    /** Whether {@code group} is a projection or a saga (or policy) that may have parked events. */
    boolean knows(String group);

    /** Retries every parked sequence of the group now; returns how many sequences were processed successfully. */
    int retry(String group);
}
