package dev.gigstream.messages.worker;

import java.util.List;

/** The answer to {@link FindWorkersToOffer}: the workers to offer the job to, best first. */
public record WorkersToOffer(List<Worker> workers) {

    /** A worker who fits, and how far from the site they live. */
    public record Worker(String workerId, double distanceKm) {
    }
}
