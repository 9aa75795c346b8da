package dev.gigstream.api.reach;

import dev.gigstream.api.web.problems.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The signed-in person's notification preferences: the channels each notification type may use, and quiet hours. */
@RestController
@RequestMapping("/api/v1/me/notification-preferences")
@Tag(name = "Notifications")
class NotificationPreferencesController {

    private final NotificationPreferencesStore store;

    NotificationPreferencesController(NotificationPreferencesStore store) {
        this.store = store;
    }

    @GetMapping
    @Operation(operationId = "getNotificationPreferences", summary = "The signed-in person's notification preferences",
            description = "`{\"channels\": {}, \"quietHours\": null}` until the person sets some.")
    NotificationPreferencesDetails get(@AuthenticationPrincipal Jwt user) {
        return NotificationPreferencesDetails.of(store.of(user.getSubject()));
    }

    @PutMapping
    @Operation(operationId = "setNotificationPreferences", summary = "Replace the signed-in person's notification preferences",
            description = "Replaces every earlier choice: `{}` brings back the defaults. `channels` names notification "
                    + "types (e.g. `job.match`, `worker.hired`, `payout.completed`) and, for each, the channels besides the "
                    + "inbox (WEBSOCKET, PUSH, SMS) it may reach one by; the inbox always holds every notification. "
                    + "`quietHours` are times of day (`HH:mm`) in `zone`. What one must not miss may still reach one. "
                    + "An unknown type or channel, a malformed time or an unknown zone: 400 `INVALID_REQUEST`.")
    NotificationPreferencesDetails set(@Valid @RequestBody ReachRequests.Preferences request, @AuthenticationPrincipal Jwt user) {
        Map<String, Set<Channel>> channels = new HashMap<>();
        if (request.channels() != null) {
            request.channels().forEach((type, allowed) -> {
                if (!NotificationTypes.known(type)) {
                    throw new InvalidRequestException("channels", "Unknown notification type " + type + "; one of "
                            + new TreeSet<>(NotificationTypes.ALL));
                }
                if (allowed == null || allowed.contains(null)) {
                    throw new InvalidRequestException("channels." + type, "A list of channels: WEBSOCKET, PUSH, SMS");
                }
                channels.put(type, Set.copyOf(allowed));
            });
        }
        Optional<QuietHours> quiet = Optional.ofNullable(request.quietHours()).map(hours -> quietHours(hours, user.getSubject()));
        NotificationPreferences preferences = new NotificationPreferences(channels, quiet);
        store.set(user.getSubject(), preferences);
        return NotificationPreferencesDetails.of(preferences);
    }

    private QuietHours quietHours(QuietHoursPeriod hours, String userId) {
        ZoneId zone;
        if (hours.zone() == null) {
            zone = store.homeZone(userId);
        } else {
            try {
                zone = ZoneId.of(hours.zone());
            } catch (DateTimeException e) {
                throw new InvalidRequestException("quietHours.zone", "Unknown time zone; an IANA zone such as Africa/Lagos");
            }
        }
        return new QuietHours(LocalTime.parse(hours.from()), LocalTime.parse(hours.to()), zone);
    }
}
