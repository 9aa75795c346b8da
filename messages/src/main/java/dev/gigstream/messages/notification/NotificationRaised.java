package dev.gigstream.messages.notification;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;

import java.time.Instant;
import java.util.Map;

/**
 * A notification stored in a user's inbox, once published so that every instance could push it to the
 * user's live sessions. {@code notificationId} is stable for the event and recipient that caused it.
 * <p>
 * No longer written: the inbox now pushes what it stores itself, without an event for each. The class
 * stays so that the events of this type already in a store can still be read; nothing handles them,
 * and a replay rebuilds the inbox from the events that caused the notifications.
 */
@Deprecated
public record NotificationRaised(@NotPersonal String notificationId,
                                 @NotPersonal String userId,
                                 @NotPersonal String type,
                                 JobId jobId,
                                 Instant at,
                                 @PersonalData(subject = "userId") Map<String, String> details) {
}
