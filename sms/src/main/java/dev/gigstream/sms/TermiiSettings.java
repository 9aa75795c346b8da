package dev.gigstream.sms;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Where Termii is, the account's API key, the sender id texts go out under, the route and how long to
 * wait. {@code baseUrl} is the account's API host (e.g. {@code https://api.ng.termii.com}); the client
 * posts to {@code api/sms/send} under it. {@code channel} is Termii's route: {@code dnd}, the
 * transactional route, reaches numbers on Nigeria's Do-Not-Disturb register (most Nigerian numbers) at
 * any hour; {@code generic} is the promotional route, which reaches neither those numbers nor, on
 * MTN, anyone between 8 PM and 8 AM. {@link #toString()} hides the key.
 */
public record TermiiSettings(URI baseUrl, String apiKey, String senderId, String channel, Duration connectTimeout,
                             Duration requestTimeout) {

    public static final String TERMII_NG = "https://api.ng.termii.com";
    public static final String DND = "dnd";
    public static final String GENERIC = "generic";

    private static final Set<String> CHANNELS = Set.of(DND, GENERIC);

    public TermiiSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("a Termii API key is required");
        }
        if (senderId == null || senderId.isBlank()) {
            throw new IllegalArgumentException("a Termii sender id is required");
        }
        if (!CHANNELS.contains(channel)) {
            throw new IllegalArgumentException("the Termii channel is dnd or generic, not " + channel);
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (!baseUrl.toString().endsWith("/")) {
            baseUrl = URI.create(baseUrl + "/");
        }
    }

    /** On the {@code dnd} route, 5 s to connect and 10 s for the answer. */
    public static TermiiSettings of(String baseUrl, String apiKey, String senderId) {
        return new TermiiSettings(URI.create(baseUrl), apiKey, senderId, DND, Duration.ofSeconds(5),
                Duration.ofSeconds(10));
    }

    public TermiiSettings withChannel(String channel) {
        return new TermiiSettings(baseUrl, apiKey, senderId, channel, connectTimeout, requestTimeout);
    }

    public TermiiSettings withTimeouts(Duration connectTimeout, Duration requestTimeout) {
        return new TermiiSettings(baseUrl, apiKey, senderId, channel, connectTimeout, requestTimeout);
    }

    /** Everything but the key, which must never reach a log. */
    @Override
    public String toString() {
        return "TermiiSettings[baseUrl=" + baseUrl + ", apiKey=***, senderId=" + senderId + ", channel=" + channel
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + "]";
    }
}
