package dev.gigstream.api.reach;

import java.time.Duration;
import java.util.Optional;

/** What a provider made of one push notification or text message. */
public sealed interface SendResult {

    /** Taken, under the provider's id for it (what its delivery reports name). */
    record Sent(String messageId) implements SendResult {
    }

    /** The device's token is no longer registered: forget it. */
    record DeviceGone() implements SendResult {
    }

    /** Not now (quota, outage): try again later, no sooner than {@code after} when the provider says. */
    record RetryLater(Optional<Duration> after) implements SendResult {
    }

    /** Refused for good (a malformed number, a bad request): trying again would not help. */
    record Rejected(String detail) implements SendResult {
    }

    /** The call ended without an answer (a timeout after the request went out): it may have gone out. */
    record Unknown(String detail) implements SendResult {
    }
}
