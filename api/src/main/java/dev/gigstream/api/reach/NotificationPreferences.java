package dev.gigstream.api.reach;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a person asked of the notifications: for some notification types the channels they allow
 * (a type they did not mention keeps the delivery policy's channels), and their quiet hours, if any.
 * The delivery policy honours both, except for what a person must not miss.
 */
public record NotificationPreferences(Map<String, Set<Channel>> channels, Optional<QuietHours> quietHours) {

    public static final NotificationPreferences DEFAULTS = new NotificationPreferences(Map.of(), Optional.empty());

    public NotificationPreferences {
        channels = channels.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> Set.copyOf(entry.getValue())));
    }

    /** Whether the person lets {@code type} reach them by {@code channel}; true for a type they did not mention. */
    public boolean allows(String type, Channel channel) {
        Set<Channel> allowed = channels.get(type);
        return allowed == null || allowed.contains(channel);
    }
}
