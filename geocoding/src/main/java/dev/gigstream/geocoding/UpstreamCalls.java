package dev.gigstream.geocoding;

/**
 * Asked before each request the client sends to Google (a first try or a retry; never for a cached
 * answer): a budget of calls refuses by throwing, and the client then sends nothing.
 */
@FunctionalInterface
public interface UpstreamCalls {

    /** No budget: every call is allowed. */
    UpstreamCalls UNLIMITED = () -> {
    };

    /** Takes one call from the budget, or throws when there is none left. */
    void take();
}
