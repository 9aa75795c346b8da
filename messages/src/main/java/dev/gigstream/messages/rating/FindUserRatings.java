package dev.gigstream.messages.rating;

/** The revealed ratings a user received, newest first, with the user's averages. */
public record FindUserRatings(String userId, int page, int size) {
}
