package dev.gigstream.api.reach;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which channels each notification type may use, in which order, and what a person must not miss: the
 * one place that says so ({@link #RULES}). Every notification waits in the inbox whatever happens here.
 * <ul>
 *     <li>{@link Rule#OFFER}: the WebSocket if the person is connected, and nothing else; otherwise a push if
 *     they have a device, otherwise a text message. An offer expires in minutes.</li>
 *     <li>{@link Rule#MUST_NOT_MISS} (money, a suspension): the WebSocket if connected, and always a push; a
 *     text message when no device is registered. Preferences and quiet hours do not apply.</li>
 *     <li>{@link Rule#APP_UPDATE}: the WebSocket if connected, otherwise a push; never a text message.</li>
 *     <li>{@link Rule#INBOX_ONLY}: the WebSocket copy only (the copies of what other channels carried).</li>
 * </ul>
 * Outside what one must not miss, a person's preferences and quiet hours take PUSH and SMS away; a channel
 * taken away, or one without a device or phone, is skipped with its reason and the next in order is tried.
 * A text message costs one of the person's and of the platform's daily allowance, reserved only when it is
 * chosen; a refused one is skipped with the cap's reason, leaving the inbox. A type not listed is an app update.
 * The decision is a function of the facts alone: who is connected is read when the decision is made.
 */
public final class DeliveryPolicy {

    /** How a type reaches a person besides the inbox. */
    public enum Rule {
        OFFER(true, false), MUST_NOT_MISS(true, true), APP_UPDATE(false, false), INBOX_ONLY(false, false);

        private final boolean sms;
        private final boolean mustNotMiss;

        Rule(boolean sms, boolean mustNotMiss) {
            this.sms = sms;
            this.mustNotMiss = mustNotMiss;
        }

        public boolean mayText() {
            return sms;
        }

        public boolean mustNotMiss() {
            return mustNotMiss;
        }
    }

    /** The policy's table: notification type → rule. */
    public static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("job.match", Rule.OFFER),
            Map.entry("worker.hired", Rule.MUST_NOT_MISS),
            Map.entry("payout.completed", Rule.MUST_NOT_MISS),
            Map.entry("escrow.refunded", Rule.MUST_NOT_MISS),
            Map.entry("dispute.resolved", Rule.MUST_NOT_MISS),
            Map.entry("account.suspended", Rule.MUST_NOT_MISS),
            Map.entry("application.received", Rule.APP_UPDATE),
            Map.entry("shift.checked_in", Rule.APP_UPDATE),
            Map.entry("shift.checked_out", Rule.APP_UPDATE),
            Map.entry("shift.confirmed", Rule.APP_UPDATE),
            Map.entry("escrow.funded", Rule.APP_UPDATE),
            Map.entry("dispute.opened", Rule.APP_UPDATE),
            Map.entry("rating.received", Rule.APP_UPDATE),
            Map.entry("badge.awarded", Rule.APP_UPDATE),
            Map.entry("premium.started", Rule.APP_UPDATE),
            Map.entry("premium.ended", Rule.APP_UPDATE),
            Map.entry("account.reinstated", Rule.APP_UPDATE),
            Map.entry(DeliveryCopies.PUSH_COPY, Rule.INBOX_ONLY),
            Map.entry(DeliveryCopies.SMS_COPY, Rule.INBOX_ONLY));

    /** What is known of the recipient when the notification is to go out. */
    public record Facts(String type, boolean connected, boolean hasDevice, boolean hasPhone,
                        NotificationPreferences preferences, Instant now) {
    }

    /** Reserves one text message of the day's allowances, or says which refused it. */
    @FunctionalInterface
    public interface SmsAllowance {
        /** Empty when reserved; {@link DeliveryReason#SMS_CAP} or {@link DeliveryReason#SMS_BUDGET} when refused. */
        Optional<DeliveryReason> reserve();
    }

    /** One channel's part in a decision: sent, or skipped for a reason. */
    public record Outcome(Channel channel, Optional<DeliveryReason> skipped) {

        static Outcome send(Channel channel) {
            return new Outcome(channel, Optional.empty());
        }

        static Outcome skip(Channel channel, DeliveryReason reason) {
            return new Outcome(channel, Optional.of(reason));
        }

        public boolean sends() {
            return skipped.isEmpty();
        }
    }

    private DeliveryPolicy() {
    }

    public static Rule ruleOf(String type) {
        return RULES.getOrDefault(type, Rule.APP_UPDATE);
    }

    /** The channels the notification goes by and those skipped, in the order they were considered. */
    public static List<Outcome> decide(Facts facts, SmsAllowance allowance) {
        Rule rule = ruleOf(facts.type());
        List<Outcome> outcomes = new ArrayList<>();
        if (rule == Rule.INBOX_ONLY) {
            return outcomes;
        }
        if (facts.connected()) {
            outcomes.add(Outcome.send(Channel.WEBSOCKET));
            if (!rule.mustNotMiss()) {
                return outcomes;
            }
        }
        Outcome push = consider(Channel.PUSH, facts, rule).orElseGet(() ->
                facts.hasDevice() ? Outcome.send(Channel.PUSH) : Outcome.skip(Channel.PUSH, DeliveryReason.NO_DEVICE));
        outcomes.add(push);
        if (!push.sends() && rule.mayText()) {
            outcomes.add(text(facts, rule, allowance));
        }
        return outcomes;
    }

    /**
     * A text message instead of a push that reached no device (every one unregistered), where the type may be
     * texted; empty where it may not.
     */
    public static Optional<Outcome> textInstead(Facts facts, SmsAllowance allowance) {
        Rule rule = ruleOf(facts.type());
        return rule.mayText() ? Optional.of(text(facts, rule, allowance)) : Optional.empty();
    }

    private static Outcome text(Facts facts, Rule rule, SmsAllowance allowance) {
        return consider(Channel.SMS, facts, rule)
                .or(() -> facts.hasPhone() ? Optional.empty() : Optional.of(Outcome.skip(Channel.SMS, DeliveryReason.NO_PHONE)))
                .or(() -> allowance.reserve().map(refused -> Outcome.skip(Channel.SMS, refused)))
                .orElseGet(() -> Outcome.send(Channel.SMS));
    }

    /** The person's preferences and quiet hours, unless they must not miss it: a skip, or empty to go on. */
    private static Optional<Outcome> consider(Channel channel, Facts facts, Rule rule) {
        if (rule.mustNotMiss()) {
            return Optional.empty();
        }
        if (!facts.preferences().allows(facts.type(), channel)) {
            return Optional.of(Outcome.skip(channel, DeliveryReason.PREFERENCE));
        }
        if (facts.preferences().quietHours().filter(quiet -> quiet.covers(facts.now())).isPresent()) {
            return Optional.of(Outcome.skip(channel, DeliveryReason.QUIET_HOURS));
        }
        return Optional.empty();
    }
}
