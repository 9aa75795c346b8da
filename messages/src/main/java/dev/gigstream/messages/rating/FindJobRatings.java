package dev.gigstream.messages.rating;

public record FindJobRatings(String jobId) {
}
