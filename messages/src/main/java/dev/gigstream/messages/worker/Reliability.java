package dev.gigstream.messages.worker;

/**
 * How dependable a worker has been over their last finished shifts, with the counts that explain
 * the {@code score} (0–100; null before the first finished shift).
 */
public record Reliability(Integer score, int shifts, int noShows, int lateCheckIns, int cancellations) {

    public static Reliability none() {
        return new Reliability(null, 0, 0, 0, 0);
    }
}
