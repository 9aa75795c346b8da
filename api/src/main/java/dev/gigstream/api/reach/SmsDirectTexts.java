package dev.gigstream.api.reach;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Direct texts (a verification code), sent at once on the caller's thread through the notifications' SMS
 * sender, caps and budget, and recorded in {@code notification_delivery} under a fresh id with the kind as
 * its type. The caller hears of a refusal: the caps ({@link DirectTextRefused#capReached}), a provider that
 * cannot take it now ({@link DirectTextRefused#unavailable}), or a number that is none ({@link UntextableNumber}).
 * Its records are written in transactions of their own: they stay whatever becomes of the caller's.
 */
final class SmsDirectTexts implements DirectTexts {

    private static final Logger log = LoggerFactory.getLogger(SmsDirectTexts.class);

    private final DeliveryRecords records;
    private final SmsAllowances allowances;
    private final SmsSender sender;
    private final ProviderCircuit circuit;
    private final Function<String, Optional<String>> e164;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    SmsDirectTexts(DeliveryRecords records, SmsAllowances allowances, SmsSender sender, ProviderCircuit circuit,
                   Function<String, Optional<String>> e164, Clock clock, PlatformTransactionManager transactions) {
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.records = records;
        this.allowances = allowances;
        this.sender = sender;
        this.circuit = circuit;
        this.e164 = e164;
        this.clock = clock;
    }

    @Override
    public void send(String userId, String phone, String kind, String text) {
        String id = UUID.randomUUID().toString();
        Optional<String> number = phone == null ? Optional.empty() : e164.apply(phone);
        if (number.isEmpty()) {
            write(() -> records.insert(id, Channel.SMS, userId, kind, DeliveryStatus.SKIPPED, DeliveryReason.NO_PHONE, clock.instant()));
            throw new UntextableNumber();
        }
        if (circuit.openUntil().isPresent()) {
            throw DirectTextRefused.unavailable("Text messages cannot be sent now; try again in a few minutes");
        }
        Optional<DeliveryReason> refused = allowances.reserve(userId);
        if (refused.isPresent()) {
            write(() -> records.insert(id, Channel.SMS, userId, kind, DeliveryStatus.SKIPPED, refused.get(), clock.instant()));
            throw DirectTextRefused.capReached(refused.get() == DeliveryReason.SMS_CAP
                    ? "Today's text messages to this account are spent; try again tomorrow"
                    : "Text messages are paused for today; try again tomorrow");
        }
        write(() -> records.insert(id, Channel.SMS, userId, kind, DeliveryStatus.PENDING, null, clock.instant()));
        write(() -> records.claim(id, Channel.SMS, clock.instant()));
        SendResult result;
        try {
            result = sender.send(new Outgoing(id, userId, kind, clock.instant()), number.get(), NotificationTexts.gsm(text));
        } catch (RuntimeException e) {
            log.warn("A direct text failed: {}", e.toString());
            result = new SendResult.RetryLater(Optional.empty());
        }
        if (result instanceof SendResult.Sent sent) {
            circuit.succeeded();
            write(() -> records.sent(id, Channel.SMS, sender.provider(), sent.messageId(), clock.instant()));
            return;
        }
        boolean providerTrouble = result instanceof SendResult.RetryLater || result instanceof SendResult.Unknown;
        if (providerTrouble) {
            circuit.failed(result.toString());
        }
        DeliveryReason reason = result instanceof SendResult.Unknown ? DeliveryReason.OUTCOME_UNKNOWN
                : providerTrouble ? DeliveryReason.RETRIES_EXHAUSTED : DeliveryReason.PROVIDER_REJECTED;
        write(() -> records.failed(id, Channel.SMS, sender.provider(), reason, clock.instant()));
        throw DirectTextRefused.unavailable("The text message could not be sent now; try again in a few minutes");
    }

    private void write(Runnable change) {
        ownTransaction.executeWithoutResult(status -> change.run());
    }
}
