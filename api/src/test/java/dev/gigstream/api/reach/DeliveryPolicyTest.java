package dev.gigstream.api.reach;

import dev.gigstream.api.reach.DeliveryPolicy.Facts;
import dev.gigstream.api.reach.DeliveryPolicy.Outcome;
import dev.gigstream.api.reach.DeliveryPolicy.SmsAllowance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryPolicyTest {

    /** 23:30 in Lagos. */
    private static final Instant NIGHT = Instant.parse("2026-12-07T22:30:00Z");
    private static final NotificationPreferences QUIET_AT_NIGHT = new NotificationPreferences(Map.of(),
            Optional.of(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("Africa/Lagos"))));
    private static final SmsAllowance ALLOWED = Optional::empty;

    private static Facts facts(String type, boolean connected, boolean device, boolean phone) {
        return new Facts(type, connected, device, phone, NotificationPreferences.DEFAULTS, NIGHT);
    }

    private static List<String> decide(Facts facts) {
        return describe(DeliveryPolicy.decide(facts, ALLOWED));
    }

    private static List<String> describe(List<Outcome> outcomes) {
        return outcomes.stream().map(o -> o.channel() + o.skipped().map(reason -> ":" + reason).orElse("")).toList();
    }

    @Test
    void anOfferGoesByWebSocketAloneToAConnectedWorkerElsePushElseText() {
        assertThat(decide(facts("job.match", true, true, true))).containsExactly("WEBSOCKET");
        assertThat(decide(facts("job.match", false, true, true))).containsExactly("PUSH");
        assertThat(decide(facts("job.match", false, false, true))).containsExactly("PUSH:NO_DEVICE", "SMS");
        assertThat(decide(facts("job.match", false, false, false))).containsExactly("PUSH:NO_DEVICE", "SMS:NO_PHONE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"worker.hired", "payout.completed", "escrow.refunded", "dispute.resolved", "account.suspended"})
    void whatOneMustNotMissAlwaysGoesByPushAndByTextWithoutADeviceWhateverThePreferences(String type) {
        var refusing = new NotificationPreferences(Map.of(type, Set.of()), QUIET_AT_NIGHT.quietHours());
        assertThat(decide(facts(type, true, true, true))).containsExactly("WEBSOCKET", "PUSH");
        assertThat(decide(facts(type, false, true, true))).containsExactly("PUSH");
        assertThat(decide(facts(type, true, false, true))).containsExactly("WEBSOCKET", "PUSH:NO_DEVICE", "SMS");
        assertThat(describe(DeliveryPolicy.decide(new Facts(type, false, false, true, refusing, NIGHT), ALLOWED)))
                .containsExactly("PUSH:NO_DEVICE", "SMS");
        assertThat(describe(DeliveryPolicy.decide(new Facts(type, false, true, true, refusing, NIGHT), ALLOWED)))
                .containsExactly("PUSH");
        assertThat(DeliveryPolicy.ruleOf(type).mustNotMiss()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application.received", "shift.checked_in", "shift.checked_out", "shift.confirmed",
            "escrow.funded", "dispute.opened", "rating.received", "badge.awarded", "premium.started", "premium.ended",
            "account.reinstated", "some.future.type"})
    void appUpdatesGoByWebSocketElsePushAndNeverByText(String type) {
        assertThat(decide(facts(type, true, true, true))).containsExactly("WEBSOCKET");
        assertThat(decide(facts(type, false, true, true))).containsExactly("PUSH");
        assertThat(decide(facts(type, false, false, true))).containsExactly("PUSH:NO_DEVICE");
        assertThat(DeliveryPolicy.textInstead(facts(type, false, true, true), ALLOWED)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"delivery.push", "delivery.sms"})
    void theCopiesOfOtherChannelsGoNowhereElse(String type) {
        assertThat(decide(facts(type, false, true, true))).isEmpty();
        assertThat(decide(facts(type, true, true, true))).isEmpty();
    }

    @Test
    void everyTypeAPersonMayNameHasItsRowInTheTable() {
        assertThat(DeliveryPolicy.RULES.keySet()).containsAll(NotificationTypes.ALL);
    }

    @Test
    void aChannelThePersonTurnedOffIsSkippedAndTheNextTried() {
        var noPush = new NotificationPreferences(Map.of("job.match", Set.of(Channel.SMS)), Optional.empty());
        var nothing = new NotificationPreferences(Map.of("job.match", Set.of(), "badge.awarded", Set.of()), Optional.empty());
        assertThat(describe(DeliveryPolicy.decide(new Facts("job.match", false, true, true, noPush, NIGHT), ALLOWED)))
                .containsExactly("PUSH:PREFERENCE", "SMS");
        assertThat(describe(DeliveryPolicy.decide(new Facts("job.match", false, true, true, nothing, NIGHT), ALLOWED)))
                .containsExactly("PUSH:PREFERENCE", "SMS:PREFERENCE");
        assertThat(describe(DeliveryPolicy.decide(new Facts("badge.awarded", false, true, true, nothing, NIGHT), ALLOWED)))
                .containsExactly("PUSH:PREFERENCE");
        assertThat(describe(DeliveryPolicy.decide(new Facts("job.match", true, true, true, nothing, NIGHT), ALLOWED)))
                .as("the WebSocket is the app itself, open").containsExactly("WEBSOCKET");
    }

    @Test
    void quietHoursHoldBackPushAndTextInTheirOwnTimeZoneOnly() {
        assertThat(describe(DeliveryPolicy.decide(new Facts("job.match", false, true, true, QUIET_AT_NIGHT, NIGHT), ALLOWED)))
                .containsExactly("PUSH:QUIET_HOURS", "SMS:QUIET_HOURS");
        Instant lagosMorning = Instant.parse("2026-12-07T07:00:00Z"); // 08:00 in Lagos
        assertThat(describe(DeliveryPolicy.decide(new Facts("job.match", false, true, true, QUIET_AT_NIGHT, lagosMorning), ALLOWED)))
                .containsExactly("PUSH");
    }

    @Test
    void aTextTheCapsRefuseIsSkippedWithItsReasonAndReservedOnlyWhenChosen() {
        List<String> reservations = new ArrayList<>();
        SmsAllowance capped = () -> {
            reservations.add("asked");
            return Optional.of(DeliveryReason.SMS_CAP);
        };
        assertThat(describe(DeliveryPolicy.decide(facts("job.match", false, false, true), capped)))
                .containsExactly("PUSH:NO_DEVICE", "SMS:SMS_CAP");
        assertThat(describe(DeliveryPolicy.decide(facts("worker.hired", false, false, true), () -> Optional.of(DeliveryReason.SMS_BUDGET))))
                .containsExactly("PUSH:NO_DEVICE", "SMS:SMS_BUDGET");
        assertThat(reservations).hasSize(1);

        DeliveryPolicy.decide(facts("job.match", false, true, true), capped);
        DeliveryPolicy.decide(facts("job.match", false, false, false), capped);
        assertThat(reservations).as("no allowance spent on a push or without a phone").hasSize(1);
    }

    @Test
    void aPushThatReachedNoDeviceBecomesATextWhereTheTypeMayBeTexted() {
        assertThat(DeliveryPolicy.textInstead(facts("job.match", false, true, true), ALLOWED))
                .map(o -> o.channel() + ":" + o.sends()).contains("SMS:true");
        assertThat(DeliveryPolicy.textInstead(new Facts("job.match", false, true, true, QUIET_AT_NIGHT, NIGHT), ALLOWED))
                .flatMap(Outcome::skipped).contains(DeliveryReason.QUIET_HOURS);
        assertThat(DeliveryPolicy.textInstead(facts("payout.completed", false, true, false), ALLOWED))
                .flatMap(Outcome::skipped).contains(DeliveryReason.NO_PHONE);
    }
}
