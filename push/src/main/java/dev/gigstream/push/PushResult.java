package dev.gigstream.push;

import java.time.Duration;
import java.util.Optional;

/**
 * What became of one {@link FcmClient#send} attempt; the caller decides what happens next by the
 * kind, never by the text, which never carries a credential.
 */
public sealed interface PushResult {

    /** FCM accepted the message; {@code messageId} is the name it gave it ({@code projects/…/messages/…}). */
    record Sent(String messageId) implements PushResult {
    }

    /**
     * The registration token no longer reaches a device (FCM's {@code UNREGISTERED}, or
     * {@code INVALID_ARGUMENT} about the token): the caller forgets the device; sending again cannot succeed.
     */
    record DeviceGone(String errorCode) implements PushResult {
    }

    /**
     * FCM could not take the message now (quota, 408, 5xx, no answer in time, no connection, or no access
     * token to be had for the same reasons): the same message may succeed later, not before
     * {@code retryAfter} when FCM said how long to wait.
     */
    record RetryLater(String reason, Optional<Duration> retryAfter) implements PushResult {
    }

    /** FCM refused the message or the sender for good (e.g. {@code SENDER_ID_MISMATCH}); sending again will not help. */
    record Rejected(String reason) implements PushResult {
    }
}
