package dev.gigstream.api.reach;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A person's notification preferences as answers show them (the export too). */
@Schema(name = "NotificationPreferencesDetails")
public record NotificationPreferencesDetails(
        @Schema(description = "The channels allowed besides the inbox, per notification type named; a type not named "
                + "keeps the platform's channels") Map<String, List<Channel>> channels,
        @Schema(description = "The quiet hours, with their zone; null when there are none") QuietHoursPeriod quietHours) {

    public static NotificationPreferencesDetails of(NotificationPreferences preferences) {
        Map<String, List<Channel>> channels = new TreeMap<>();
        preferences.channels().forEach((type, allowed) -> channels.put(type, allowed.stream().sorted().toList()));
        return new NotificationPreferencesDetails(channels, preferences.quietHours().map(QuietHoursPeriod::of).orElse(null));
    }
}
