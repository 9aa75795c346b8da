package dev.gigstream.api.reach;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a person asked of the notifications: for some notification types the channels they allow
 * (a type they did not mention keeps the delivery policy's channels), and their quiet hours, if any.
 * The delivery policy honours both, except for what a person must not miss.
 */
public record NotificationPreferences(Map<String, Set<Channel>> channels, Optional<QuietHours> quietHours) {

    public static final NotificationPreferences DEFAULTS = new NotificationPreferences(Map.of(), Optional.empty());

    public NotificationPreferences {
        Map<String, Set<Channel>> copy = new HashMap<>();
        channels.forEach((type, allowed) -> copy.put(type, Set.copyOf(allowed)));
        channels = Map.copyOf(copy);
    }

    /** Whether the person lets {@code type} reach them by {@code channel}; true for a type they did not mention. */
    public boolean allows(String type, Channel channel) {
        Set<Channel> allowed = channels.get(type);
        return allowed == null || allowed.contains(channel);
    }
}
