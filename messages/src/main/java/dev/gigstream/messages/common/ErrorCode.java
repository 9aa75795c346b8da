package dev.gigstream.messages.common;

/**
 * A stable, machine-readable reason for refusing a command. Each feature lists its own codes in an
 * enum implementing this interface; the edge maps the {@link Refusal.Kind} to an HTTP status once.
 */
public interface ErrorCode {

    String name();

    Refusal.Kind kind();
}
