package dev.gigstream.api.reach;

import dev.gigstream.api.reach.DeliveryPolicy.Facts;
import dev.gigstream.api.reach.DeliveryPolicy.Outcome;
import dev.gigstream.api.reach.DeliveryRecords.Delivery;
import dev.gigstream.messages.notification.FindNotification;
import dev.gigstream.messages.notification.NotificationView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reaches a notification's recipient beyond the inbox and the WebSocket copy: {@link #plan} applies the
 * {@link DeliveryPolicy} (who is connected is read then) and inserts one record per channel considered;
 * {@link #send} sends one PUSH or SMS record. Both run on db-scheduler's threads, never on the inbox's.
 * <p>
 * A send claims its record (PENDING → SENDING) before it calls the provider and settles it after, so a record
 * is sent by one send only: of two instances, the one whose claim went through; a send revived after a crash
 * finds its record SENDING and, since the message may have gone out, records it FAILED/OUTCOME_UNKNOWN rather
 * than sending it again. A provider that asks to be tried later (or does not answer) has the send rescheduled
 * with a doubling back-off, and its circuit keeps sends from calling it while it is down.
 */
final class Deliveries {

    /** What a send asks of its task: done, or run again at a time. */
    sealed interface Next {
        record Done() implements Next {
        }

        record At(Instant when) implements Next {
        }
    }

    /** The send tasks to schedule, one per record that goes out. */
    interface SendQueue {
        void schedule(String notificationId, Channel channel, String userId, Instant at);
    }

    /** The back-off: {@code first} doubling per attempt, {@code maxAttempts} calls at most. */
    record Retries(Duration first, int maxAttempts) {
    }

    /** A notification the inbox of this instance does not hold (yet): its task tries again. */
    static final class NotYetStored extends RuntimeException {
        NotYetStored(String notificationId) {
            super("Notification " + notificationId + " is not in this instance's inbox (yet)");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    private static final Next DONE = new Next.Done();

    private final QueryGateway queries;
    private final DeliveryRecords records;
    private final Recipients recipients;
    private final SmsAllowances allowances;
    private final PushSender pushes;
    private final SmsSender texts;
    private final ProviderCircuit pushCircuit;
    private final ProviderCircuit smsCircuit;
    private final Retries retries;
    private final Clock clock;
    /** db-scheduler's time, which is the system's: when a rescheduled send runs again. */
    private final Clock schedulerTime;

    Deliveries(QueryGateway queries, DeliveryRecords records, Recipients recipients, SmsAllowances allowances,
               PushSender pushes, SmsSender texts, ProviderCircuit pushCircuit, ProviderCircuit smsCircuit,
               Retries retries, Clock clock, Clock schedulerTime) {
        this.queries = queries;
        this.records = records;
        this.recipients = recipients;
        this.allowances = allowances;
        this.pushes = pushes;
        this.texts = texts;
        this.pushCircuit = pushCircuit;
        this.smsCircuit = smsCircuit;
        this.retries = retries;
        this.clock = clock;
        this.schedulerTime = schedulerTime;
    }

    /** Applies the policy to the notification and records its channels; the sends are queued for those that go out. */
    void plan(String userId, String notificationId, SendQueue queue) {
        NotificationView notification = notification(userId, notificationId);
        Instant now = clock.instant();
        List<Outcome> outcomes = DeliveryPolicy.decide(facts(notification, now), allowances.forUser(userId));
        for (Outcome outcome : outcomes) {
            record(notification, outcome, now, queue);
        }
    }

    /** Sends the record of {@code notificationId} on {@code channel} (PUSH or SMS), or settles a send cut short. */
    Next send(String userId, String notificationId, Channel channel, SendQueue queue) {
        Optional<Delivery> found = records.find(notificationId, channel);
        if (found.isEmpty() || found.get().status() != DeliveryStatus.PENDING) {
            if (found.isPresent() && found.get().status() == DeliveryStatus.SENDING) {
                records.failed(notificationId, channel, null, DeliveryReason.OUTCOME_UNKNOWN, clock.instant());
                log.warn("The {} send of notification {} was cut short: it may have gone out, so it is not sent again",
                        channel, notificationId);
            }
            return DONE;
        }
        Delivery delivery = found.get();
        ProviderCircuit circuit = channel == Channel.PUSH ? pushCircuit : smsCircuit;
        Optional<Instant> open = circuit.openUntil();
        if (open.isPresent()) {
            return new Next.At(open.get());
        }
        NotificationView notification = notification(userId, notificationId);
        if (!records.claim(notificationId, channel, clock.instant())) {
            return DONE; // another instance's send has it
        }
        int attempt = delivery.attempts() + 1;
        return channel == Channel.PUSH
                ? push(notification, attempt, queue)
                : text(notification, attempt);
    }

    private Next push(NotificationView notification, int attempt, SendQueue queue) {
        List<String> tokens = recipients.deviceTokens(notification.userId());
        Outgoing to = new Outgoing(notification.id(), notification.userId(), notification.id(), notification.at());
        NotificationTexts.Push push = NotificationTexts.push(notification);
        List<SendResult> results = new ArrayList<>();
        for (String token : tokens) {
            SendResult result = call(pushCircuit, () -> pushes.send(to, token, push));
            if (result instanceof SendResult.DeviceGone) {
                recipients.forget(token);
            }
            results.add(result);
        }
        Instant now = clock.instant();
        Optional<SendResult.Sent> sent = results.stream().filter(SendResult.Sent.class::isInstance)
                .map(SendResult.Sent.class::cast).findFirst();
        if (sent.isPresent()) {
            records.sent(notification.id(), Channel.PUSH, pushes.provider(), sent.get().messageId(), now);
            return DONE;
        }
        Optional<SendResult.RetryLater> later = results.stream().filter(SendResult.RetryLater.class::isInstance)
                .map(SendResult.RetryLater.class::cast).findFirst();
        if (later.isPresent()) {
            return retry(notification, Channel.PUSH, pushes.provider(), attempt, later.get());
        }
        if (results.stream().allMatch(SendResult.DeviceGone.class::isInstance)) {
            records.failed(notification.id(), Channel.PUSH, pushes.provider(),
                    tokens.isEmpty() ? DeliveryReason.NO_DEVICE : DeliveryReason.DEVICE_GONE, now);
            DeliveryPolicy.textInstead(facts(notification, now, false), allowances.forUser(notification.userId()))
                    .ifPresent(outcome -> record(notification, outcome, now, queue));
            return DONE;
        }
        boolean unknown = results.stream().anyMatch(SendResult.Unknown.class::isInstance);
        records.failed(notification.id(), Channel.PUSH, pushes.provider(),
                unknown ? DeliveryReason.OUTCOME_UNKNOWN : DeliveryReason.PROVIDER_REJECTED, now);
        return DONE;
    }

    private Next text(NotificationView notification, int attempt) {
        Optional<String> phone = recipients.phone(notification.userId());
        if (phone.isEmpty()) {
            records.failed(notification.id(), Channel.SMS, null, DeliveryReason.NO_PHONE, clock.instant());
            return DONE;
        }
        Outgoing to = new Outgoing(notification.id(), notification.userId(), notification.id(), notification.at());
        SendResult result = call(smsCircuit, () -> texts.send(to, phone.get(), NotificationTexts.sms(notification)));
        Instant now = clock.instant();
        if (result instanceof SendResult.Sent sent) {
            records.sent(notification.id(), Channel.SMS, texts.provider(), sent.messageId(), now);
            return DONE;
        }
        if (result instanceof SendResult.RetryLater later) {
            return retry(notification, Channel.SMS, texts.provider(), attempt, later);
        }
        records.failed(notification.id(), Channel.SMS, texts.provider(), result instanceof SendResult.Unknown
                ? DeliveryReason.OUTCOME_UNKNOWN : DeliveryReason.PROVIDER_REJECTED, now);
        return DONE;
    }

    /** Back to PENDING and run again after the back-off (no sooner than the provider asked), or FAILED after the last attempt. */
    private Next retry(NotificationView notification, Channel channel, String provider, int attempt, SendResult.RetryLater later) {
        Instant now = clock.instant();
        if (attempt >= retries.maxAttempts()) {
            records.failed(notification.id(), channel, provider, DeliveryReason.RETRIES_EXHAUSTED, now);
            return DONE;
        }
        Duration backOff = retries.first().multipliedBy(1L << Math.min(attempt - 1, 20));
        Duration wait = later.after().filter(after -> after.compareTo(backOff) > 0).orElse(backOff);
        records.release(notification.id(), channel, now);
        return new Next.At(schedulerTime.instant().plus(wait));
    }

    /** The provider's answer, counted by its circuit; an exception (an unanswered call) is a "try later". */
    private static SendResult call(ProviderCircuit circuit, java.util.function.Supplier<SendResult> send) {
        SendResult result;
        try {
            result = send.get();
        } catch (RuntimeException e) {
            log.warn("A send failed: {}", e.toString());
            result = new SendResult.RetryLater(Optional.empty());
        }
        if (result instanceof SendResult.RetryLater || result instanceof SendResult.Unknown) {
            circuit.failed(result.toString());
        } else {
            circuit.succeeded();
        }
        return result;
    }

    private void record(NotificationView notification, Outcome outcome, Instant now, SendQueue queue) {
        Channel channel = outcome.channel();
        DeliveryStatus status = !outcome.sends() ? DeliveryStatus.SKIPPED
                : channel == Channel.WEBSOCKET ? DeliveryStatus.SENT : DeliveryStatus.PENDING;
        boolean inserted = records.insert(notification.id(), channel, notification.userId(), notification.type(), status,
                outcome.skipped().orElse(null), now);
        if (inserted && status == DeliveryStatus.PENDING) {
            queue.schedule(notification.id(), channel, notification.userId(), schedulerTime.instant());
        }
    }

    private Facts facts(NotificationView notification, Instant now) {
        return facts(notification, now, !recipients.deviceTokens(notification.userId()).isEmpty());
    }

    private Facts facts(NotificationView notification, Instant now, boolean hasDevice) {
        String userId = notification.userId();
        return new Facts(notification.type(), recipients.connected(userId), hasDevice,
                recipients.phone(userId).isPresent(), recipients.preferences(userId), now);
    }

    private NotificationView notification(String userId, String notificationId) {
        return queries.query(new FindNotification(userId, notificationId), ResponseTypes.optionalInstanceOf(NotificationView.class))
                .join().orElseThrow(() -> new NotYetStored(notificationId));
    }
}
