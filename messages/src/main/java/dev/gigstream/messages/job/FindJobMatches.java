package dev.gigstream.messages.job;

import java.time.Instant;

/** The match offers a worker holds that are still valid at {@code at}. */
public record FindJobMatches(String workerId, Instant at) {
}
