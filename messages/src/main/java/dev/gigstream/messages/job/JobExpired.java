package dev.gigstream.messages.job;

/** An open job that nobody was hired for when its shift started. */
public record JobExpired(String jobId) {
}
