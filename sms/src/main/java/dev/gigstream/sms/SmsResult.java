package dev.gigstream.sms;

import java.time.Duration;
import java.util.Optional;

/**
 * What became of one attempt to hand a text to the provider. The caller decides what to do next by
 * the kind alone: {@link Sent} is done, {@link RetryLater} may be sent again (nothing went out),
 * {@link Unknown} must not be sent again (it may already be on its way, and a duplicate costs money
 * and annoys), {@link Rejected} will never go out as asked. Reasons are for people and logs; they
 * never carry the API key.
 */
public sealed interface SmsResult {

    /** The provider took the text; {@code messageId} is what its delivery reports name it by. */
    record Sent(String messageId) implements SmsResult {
    }

    /**
     * Nothing was sent: the provider could not be reached, was overloaded (5xx) or asked to slow down
     * (429). {@code retryAfter} is the wait the provider asked for, when it named one.
     */
    record RetryLater(String reason, Optional<Duration> retryAfter) implements SmsResult {
    }

    /** The request may have reached the provider (no answer in time, a lost connection, an answer not understood). */
    record Unknown(String reason) implements SmsResult {
    }

    /** The provider refused the text (4xx): a bad number, too little balance, a sender id not approved, a wrong key. */
    record Rejected(String reason) implements SmsResult {
    }
}
