package dev.gigstream.api.reach;

import java.time.Instant;

/** One install of the app that push notifications reach, by its provider's token, registered by {@code userId}. */
public record Device(String token, String userId, Platform platform, Instant addedAt) {
}
