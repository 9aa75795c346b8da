package dev.gigstream.api.reach;

import dev.gigstream.push.FcmClient;
import dev.gigstream.push.PushMessage;
import dev.gigstream.push.PushResult;

import java.time.Duration;
import java.util.Map;

/**
 * Push notifications through Firebase Cloud Messaging. A message carries the notification's id for the app
 * ({@code notificationId}), goes at high priority (it wakes the device: an offer lapses in minutes) and is
 * kept by FCM a day for a device that is offline.
 */
final class FcmPushSender implements PushSender {

    static final String PROVIDER = "fcm";
    private static final Duration KEPT_FOR = Duration.ofDays(1);

    private final FcmClient client;

    FcmPushSender(FcmClient client) {
        this.client = client;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public SendResult send(Outgoing to, String token, NotificationTexts.Push push) {
        PushResult result = client.send(new PushMessage(token, push.title(), push.body(),
                Map.of("notificationId", to.standsFor()), KEPT_FOR, true));
        if (result instanceof PushResult.Sent sent) {
            return new SendResult.Sent(sent.messageId());
        }
        if (result instanceof PushResult.DeviceGone) {
            return new SendResult.DeviceGone();
        }
        if (result instanceof PushResult.RetryLater later) {
            return new SendResult.RetryLater(later.retryAfter());
        }
        return new SendResult.Rejected(((PushResult.Rejected) result).reason());
    }
}
