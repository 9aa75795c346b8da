package dev.gigstream.query.notifications;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.dispute.DisputeOpened;
import dev.gigstream.messages.dispute.DisputeOutcome;
import dev.gigstream.messages.dispute.DisputeParty;
import dev.gigstream.messages.dispute.DisputeResolved;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.PayoutCompleted;
import dev.gigstream.messages.job.JobOffered;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobSite;
import dev.gigstream.messages.job.WorkerApplied;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.messages.notification.FindNotification;
import dev.gigstream.messages.notification.FindNotifications;
import dev.gigstream.messages.notification.NotificationRaised;
import dev.gigstream.messages.notification.NotificationRead;
import dev.gigstream.messages.notification.NotificationView;
import dev.gigstream.messages.rating.RaterRole;
import dev.gigstream.messages.rating.RatingsRevealed;
import dev.gigstream.messages.worker.Badge;
import dev.gigstream.messages.worker.BadgeAwarded;
import dev.gigstream.messages.worker.PremiumEnded;
import dev.gigstream.messages.worker.PremiumStarted;
import dev.gigstream.messages.worker.WorkerReinstated;
import dev.gigstream.messages.worker.WorkerSuspended;
import dev.gigstream.query.testsupport.MongoBackend;
import dev.gigstream.query.testsupport.RecordingPushes;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationInboxTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Money PAY = Money.of(1_500_000, Currency.NGN);

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    private static <T> EventMessage<T> message(T event) {
        return new GenericEventMessage<>(event);
    }

    private static JobPosted posted() {
        return new JobPosted(JobId.of("job-1"), "client-1", "Barista", "", List.of("barista"),
                new JobSite(new GeoPoint(6.45, 3.39), "Marina"), new ShiftWindow(T0.plusSeconds(3600), T0.plusSeconds(7200)),
                PAY, T0);
    }

    private static List<NotificationView> inbox(NotificationInbox inbox, String userId) {
        return inbox.handle(new FindNotifications(userId, false, 50)).items();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void eachPartyIsToldWhatConcernsThem(MongoBackend backend) {
        var raised = new RecordingPushes();
        var inbox = new NotificationInbox(backend.freshDatabase(), raised);
        inbox.on(posted());

        inbox.on(new WorkerApplied(JobId.of("job-1"), WorkerId.of("worker-1"), null, T0), message(new WorkerApplied(JobId.of("job-1"), WorkerId.of("worker-1"), null, T0)),
                ReplayStatus.REGULAR);
        var hired = new WorkerHired(JobId.of("job-1"), WorkerId.of("worker-1"), "client-1", PAY, EscrowId.of("escrow-1"), T0.plusSeconds(3600));
        inbox.on(hired, message(hired), ReplayStatus.REGULAR);
        var funded = new EscrowFunded(EscrowId.of("escrow-1"), JobId.of("job-1"), Money.of(1_650_000, Currency.NGN), Money.of(34_750, Currency.NGN), List.of());
        inbox.on(funded, message(funded), ReplayStatus.REGULAR);
        var paid = new PayoutCompleted(EscrowId.of("escrow-1"), JobId.of("job-1"), WorkerId.of("worker-1"), PAY, "gs-pay-x-1", List.of());
        inbox.on(paid, message(paid), ReplayStatus.REGULAR);

        assertThat(inbox(inbox, "client-1")).extracting(NotificationView::type)
                .containsExactlyInAnyOrder("application.received", "escrow.funded");
        assertThat(inbox(inbox, "worker-1")).extracting(NotificationView::type)
                .containsExactlyInAnyOrder("worker.hired", "escrow.funded", "payout.completed");
        var payout = inbox(inbox, "worker-1").stream().filter(n -> n.type().equals("payout.completed")).findFirst().orElseThrow();
        assertThat(payout.details()).containsEntry("amount", "1500000").containsEntry("title", "Barista");
        assertThat(payout.jobId()).isEqualTo("job-1");
        assertThat(raised.pushed()).hasSize(5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void whilePaymentsAreSimulatedEveryNotificationSaysSo(MongoBackend backend) {
        var raised = new RecordingPushes();
        var sandbox = new NotificationInbox(backend.freshDatabase(), "sandbox", raised);
        var live = new NotificationInbox(backend.freshDatabase(), "paystack", raised);
        var hired = new WorkerHired(JobId.of("job-1"), WorkerId.of("worker-1"), "client-1", PAY, EscrowId.of("escrow-1"), T0.plusSeconds(3600));
        var paid = new PayoutCompleted(EscrowId.of("escrow-1"), JobId.of("job-1"), WorkerId.of("worker-1"), PAY, "gs-pay-x-1", List.of());
        for (NotificationInbox inbox : List.of(sandbox, live)) {
            inbox.on(posted());
            inbox.on(hired, message(hired), ReplayStatus.REGULAR);
            inbox.on(paid, message(paid), ReplayStatus.REGULAR);
        }

        assertThat(inbox(sandbox, "worker-1")).hasSize(2).allSatisfy(n -> assertThat(n.details()).containsEntry("payments", "SANDBOX"));
        assertThat(inbox(live, "worker-1")).hasSize(2).allSatisfy(n -> assertThat(n.details()).doesNotContainKey("payments"));
        assertThat(raised.pushed()).filteredOn(n -> "SANDBOX".equals(n.details().get("payments"))).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aRedeliveredEventIsStoredAndRaisedOnce(MongoBackend backend) {
        var raised = new RecordingPushes();
        var inbox = new NotificationInbox(backend.freshDatabase(), raised);
        inbox.on(posted());
        var applied = message(new WorkerApplied(JobId.of("job-1"), WorkerId.of("worker-1"), null, T0));

        inbox.on(applied.getPayload(), applied, ReplayStatus.REGULAR);
        inbox.on(applied.getPayload(), applied, ReplayStatus.REGULAR);

        assertThat(inbox(inbox, "client-1")).hasSize(1);
        assertThat(raised.pushed()).hasSize(1);
        assertThat(raised.pushed().get(0).id()).isEqualTo(inbox(inbox, "client-1").get(0).id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aReplayRebuildsTheInboxWithoutRaisingAnythingAgain(MongoBackend backend) {
        var raised = new RecordingPushes();
        var inbox = new NotificationInbox(backend.freshDatabase(), raised);
        inbox.on(posted());
        var applied = message(new WorkerApplied(JobId.of("job-1"), WorkerId.of("worker-1"), null, T0));
        inbox.on(applied.getPayload(), applied, ReplayStatus.REGULAR);

        inbox.reset();
        inbox.on(posted());
        inbox.on(applied.getPayload(), applied, ReplayStatus.REPLAY);

        assertThat(inbox(inbox, "client-1")).hasSize(1);
        assertThat(raised.pushed()).hasSize(1);
    }

    /**
     * A store written before the inbox pushed notifications itself holds a NotificationRaised event after
     * each notification's cause. Nothing handles it now; the replay rebuilds the same notifications, under
     * the ids those events (and the read marks that name them) carry, and pushes none of them.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    @SuppressWarnings("deprecation")
    void aReplayOfAStoreWithNotificationRaisedEventsRebuildsTheInboxAndPushesNothing(MongoBackend backend) {
        var before = new NotificationInbox(backend.freshDatabase(), new RecordingPushes());
        var posted = message(posted());
        var applied = message(new WorkerApplied(JobId.of("job-1"), WorkerId.of("worker-1"), null, T0));
        before.on(posted());
        before.on(applied.getPayload(), applied, ReplayStatus.REGULAR);
        NotificationView stored = inbox(before, "client-1").get(0);
        var raisedThen = message(new NotificationRaised(stored.id(), stored.userId(), stored.type(), JobId.of(stored.jobId()),
                stored.at(), stored.details()));
        var readThen = message(new NotificationRead("client-1", stored.id()));

        var pushes = new RecordingPushes();
        var rebuilt = new NotificationInbox(backend.freshDatabase(), pushes);
        var handlers = new AnnotationEventHandlerAdapter(rebuilt);
        assertThat(handlers.canHandle(raisedThen)).as("no handler for the events no longer written").isFalse();
        for (EventMessage<?> event : List.of(posted, applied, raisedThen, readThen)) {
            if (event.getPayload() instanceof JobPosted job) {
                rebuilt.on(job);
            } else if (event.getPayload() instanceof WorkerApplied application) {
                rebuilt.on(application, event, ReplayStatus.REPLAY);
            } else if (event.getPayload() instanceof NotificationRead read) {
                rebuilt.on(read);
            }
        }

        assertThat(inbox(rebuilt, "client-1")).singleElement().satisfies(notification -> {
            assertThat(notification.id()).isEqualTo(stored.id());
            assertThat(notification.type()).isEqualTo("application.received");
            assertThat(notification.read()).as("the read mark of the old id still applies").isTrue();
        });
        assertThat(pushes.pushed()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aMatchOfferTellsWhenItLapsesAndReadNotificationsLeaveTheUnreadList(MongoBackend backend) {
        var raised = new RecordingPushes();
        var inbox = new NotificationInbox(backend.freshDatabase(), raised);
        inbox.on(posted());
        var offered = new JobOffered(JobId.of("job-1"), WorkerId.of("worker-2"), 1, T0, T0.plus(Duration.ofMinutes(15)), 1, 3.2, "Barista", PAY);
        inbox.on(offered, message(offered), ReplayStatus.REGULAR);

        NotificationView offer = inbox(inbox, "worker-2").get(0);
        assertThat(offer.type()).isEqualTo("job.match");
        assertThat(offer.details()).containsEntry("expiresAt", "2026-12-01T08:15:00Z").containsEntry("rank", "1");

        inbox.on(new NotificationRead("someone-else", offer.id()));
        assertThat(inbox.handle(new FindNotifications("worker-2", true, 50)).items()).hasSize(1);
        inbox.on(new NotificationRead("worker-2", offer.id()));
        assertThat(inbox.handle(new FindNotifications("worker-2", true, 50)).items()).isEmpty();
        assertThat(inbox(inbox, "worker-2").get(0).read()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aNotificationIsFoundOnlyInItsOwnersInbox(MongoBackend backend) {
        var inbox = new NotificationInbox(backend.freshDatabase(), new RecordingPushes());
        inbox.on(posted());
        var offered = new JobOffered(JobId.of("job-1"), WorkerId.of("worker-2"), 1, T0, T0.plus(Duration.ofMinutes(15)), 1, 3.2, "Barista", PAY);
        inbox.on(offered, message(offered), ReplayStatus.REGULAR);
        String id = inbox(inbox, "worker-2").get(0).id();

        assertThat(inbox.handle(new FindNotification("worker-2", id))).map(NotificationView::type).contains("job.match");
        assertThat(inbox.handle(new FindNotification("client-1", id))).isEmpty();
        assertThat(inbox.handle(new FindNotification("worker-2", "no-such-id"))).isEmpty();
    }

    private static DisputeOpened disputeOpenedBy(String openedBy, DisputeParty role) {
        return new DisputeOpened(DisputeId.of("dispute-1"), JobId.of("job-1"), EscrowId.of("escrow-1"), "client-1", WorkerId.of("worker-1"), openedBy, role, "no-show", "",
                PAY, Money.of(1_650_000, Currency.NGN), T0, T0.plus(Duration.ofHours(48)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void theOtherPartyIsToldOfADisputeAndUntilWhenToAnswer(MongoBackend backend) {
        var raised = new RecordingPushes();
        var inbox = new NotificationInbox(backend.freshDatabase(), raised);
        inbox.on(posted());

        var byClient = disputeOpenedBy("client-1", DisputeParty.CLIENT);
        inbox.on(byClient, message(byClient), ReplayStatus.REGULAR);

        assertThat(inbox(inbox, "client-1")).isEmpty();
        NotificationView toWorker = inbox(inbox, "worker-1").get(0);
        assertThat(toWorker.type()).isEqualTo("dispute.opened");
        assertThat(toWorker.jobId()).isEqualTo("job-1");
        assertThat(toWorker.details()).containsEntry("disputeId", "dispute-1").containsEntry("reason", "no-show")
                .containsEntry("respondBy", "2026-12-03T08:00:00Z").containsEntry("title", "Barista");

        var byWorker = disputeOpenedBy("worker-1", DisputeParty.WORKER);
        inbox.on(byWorker, message(byWorker), ReplayStatus.REGULAR);

        assertThat(inbox(inbox, "client-1")).extracting(NotificationView::type).containsExactly("dispute.opened");
        assertThat(inbox(inbox, "worker-1")).hasSize(1);
        assertThat(raised.pushed()).extracting(NotificationView::userId)
                .containsExactly("worker-1", "client-1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void bothPartiesAreToldHowADisputeWasResolvedAndAReplayRaisesNothing(MongoBackend backend) {
        var raised = new RecordingPushes();
        var inbox = new NotificationInbox(backend.freshDatabase(), raised);
        inbox.on(posted());
        var resolved = message(new DisputeResolved(DisputeId.of("dispute-1"), JobId.of("job-1"), EscrowId.of("escrow-1"), "client-1", WorkerId.of("worker-1"),
                DisputeOutcome.SPLIT, Money.of(500_000, Currency.NGN), Money.of(1_150_000, Currency.NGN), "Both partly right",
                "admin-1", T0.plusSeconds(3600)));

        inbox.on(resolved.getPayload(), resolved, ReplayStatus.REGULAR);

        for (String party : List.of("client-1", "worker-1")) {
            NotificationView told = inbox(inbox, party).get(0);
            assertThat(told.type()).isEqualTo("dispute.resolved");
            assertThat(told.jobId()).isEqualTo("job-1");
            assertThat(told.details()).containsEntry("disputeId", "dispute-1").containsEntry("outcome", "SPLIT")
                    .containsEntry("workerShare", "500000").containsEntry("clientRefund", "1150000")
                    .containsEntry("currency", "NGN");
        }
        assertThat(raised.pushed()).extracting(NotificationView::userId)
                .containsExactlyInAnyOrder("client-1", "worker-1");

        inbox.reset();
        inbox.on(posted());
        inbox.on(resolved.getPayload(), resolved, ReplayStatus.REPLAY);

        assertThat(inbox(inbox, "client-1")).hasSize(1);
        assertThat(inbox(inbox, "worker-1")).hasSize(1);
        assertThat(raised.pushed()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void eachRateeIsToldOfTheRatingTheyReceivedOnceItIsRevealed(MongoBackend backend) {
        var raised = new RecordingPushes();
        var inbox = new NotificationInbox(backend.freshDatabase(), raised);
        inbox.on(posted());
        var revealed = message(new RatingsRevealed("ratings-1", JobId.of("job-1"), List.of(
                new RatingsRevealed.Rating("client-1", RaterRole.CLIENT, "worker-1", 5, "Great work", T0),
                new RatingsRevealed.Rating("worker-1", RaterRole.WORKER, "client-1", 4, "", T0)), T0.plusSeconds(60)));

        inbox.on(revealed.getPayload(), revealed, ReplayStatus.REGULAR);
        inbox.on(revealed.getPayload(), revealed, ReplayStatus.REGULAR);

        NotificationView toWorker = inbox(inbox, "worker-1").get(0);
        assertThat(toWorker.type()).isEqualTo("rating.received");
        assertThat(toWorker.jobId()).isEqualTo("job-1");
        assertThat(toWorker.details()).containsEntry("stars", "5").containsEntry("byRole", "CLIENT")
                .containsEntry("title", "Barista");
        assertThat(inbox(inbox, "client-1")).singleElement().satisfies(toClient ->
                assertThat(toClient.details()).containsEntry("stars", "4").containsEntry("byRole", "WORKER"));
        assertThat(raised.pushed()).extracting(NotificationView::userId)
                .containsExactly("worker-1", "client-1");

        inbox.reset();
        inbox.on(posted());
        inbox.on(revealed.getPayload(), revealed, ReplayStatus.REPLAY);

        assertThat(inbox(inbox, "worker-1")).hasSize(1);
        assertThat(inbox(inbox, "client-1")).hasSize(1);
        assertThat(raised.pushed()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void theWorkerIsToldOfABadgeOnceAndNotAgainOnAReplay(MongoBackend backend) {
        var raised = new RecordingPushes();
        var inbox = new NotificationInbox(backend.freshDatabase(), raised);
        var awarded = message(new BadgeAwarded(WorkerId.of("worker-1"), Badge.TEN_SHIFTS, T0));

        inbox.on(awarded.getPayload(), awarded, ReplayStatus.REGULAR);
        inbox.on(awarded.getPayload(), awarded, ReplayStatus.REGULAR);

        NotificationView badge = inbox(inbox, "worker-1").get(0);
        assertThat(badge.type()).isEqualTo("badge.awarded");
        assertThat(badge.jobId()).isNull();
        assertThat(badge.details()).containsExactly(Map.entry("badge", "TEN_SHIFTS"));
        assertThat(raised.pushed()).singleElement()
                .satisfies(told -> assertThat(told.id()).isEqualTo(badge.id()));

        inbox.reset();
        inbox.on(awarded.getPayload(), awarded, ReplayStatus.REPLAY);

        assertThat(inbox(inbox, "worker-1")).hasSize(1);
        assertThat(raised.pushed()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void theWorkerIsToldWhenPremiumStartsAndWhenItEnds(MongoBackend backend) {
        var raised = new RecordingPushes();
        var inbox = new NotificationInbox(backend.freshDatabase(), raised);
        Instant until = T0.plusSeconds(30L * 86_400);
        var started = message(new PremiumStarted(WorkerId.of("worker-1"), until));
        var ended = message(new PremiumEnded(WorkerId.of("worker-1"), until));

        inbox.on(started.getPayload(), started, ReplayStatus.REGULAR);
        inbox.on(ended.getPayload(), ended, ReplayStatus.REGULAR);

        assertThat(inbox(inbox, "worker-1")).extracting(NotificationView::type)
                .containsExactlyInAnyOrder("premium.started", "premium.ended");
        assertThat(inbox(inbox, "worker-1")).extracting(view -> view.details().values().iterator().next())
                .containsOnly(until.toString());
        assertThat(raised.pushed()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void theWorkerIsToldOfASuspensionAndAReinstatementWithoutTheReason(MongoBackend backend) {
        var raised = new RecordingPushes();
        var inbox = new NotificationInbox(backend.freshDatabase(), raised);
        var suspended = message(new WorkerSuspended(WorkerId.of("worker-1"), "no-shows", "admin-1"));
        var reinstated = message(new WorkerReinstated(WorkerId.of("worker-1"), "appeal upheld", "admin-1"));

        inbox.on(suspended.getPayload(), suspended, ReplayStatus.REGULAR);
        inbox.on(reinstated.getPayload(), reinstated, ReplayStatus.REGULAR);
        inbox.on(suspended.getPayload(), suspended, ReplayStatus.REGULAR);

        assertThat(inbox(inbox, "worker-1")).extracting(NotificationView::type)
                .containsExactlyInAnyOrder("account.suspended", "account.reinstated");
        assertThat(inbox(inbox, "worker-1")).allSatisfy(n -> assertThat(n.details()).isEmpty());
        assertThat(raised.pushed()).extracting(NotificationView::type).containsExactly("account.suspended", "account.reinstated");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aCopyOfWhatAnotherChannelCarriedIsStoredAndPushedOnce(MongoBackend backend) {
        var raised = new RecordingPushes();
        var inbox = new NotificationInbox(backend.freshDatabase(), raised);
        Map<String, String> details = Map.of("channel", "SMS", "standsFor", "n-1", "text", "Hired");

        NotificationView copy = inbox.storeCopy("n-1/SMS", "worker-1", "delivery.sms", T0, details);
        inbox.storeCopy("n-1/SMS", "worker-1", "delivery.sms", T0, details);

        assertThat(inbox(inbox, "worker-1")).singleElement().satisfies(stored -> {
            assertThat(stored.id()).isEqualTo(copy.id());
            assertThat(stored.type()).isEqualTo("delivery.sms");
            assertThat(stored.details()).isEqualTo(details);
        });
        assertThat(raised.pushed()).containsExactly(copy);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void notificationsRaisedBeforeTheCutoffAreDeletedABatchAtATime(MongoBackend backend) {
        var inbox = new NotificationInbox(backend.freshDatabase(), new RecordingPushes());
        for (int i = 0; i < 3; i++) {
            var awarded = new BadgeAwarded(WorkerId.of("worker-1"), Badge.TEN_SHIFTS, T0);
            inbox.on(awarded, new GenericEventMessage<>("event-" + i, awarded, Map.of(), T0.plusSeconds(10L * i)),
                    ReplayStatus.REGULAR);
        }

        assertThat(inbox.deleteBatchBefore(T0, 10)).as("raised at the cutoff, not before").isZero();
        assertThat(inbox.deleteBatchBefore(T0.plusSeconds(11), 1)).isEqualTo(1);
        assertThat(inbox.deleteBatchBefore(T0.plusSeconds(11), 1)).isEqualTo(1);
        assertThat(inbox.deleteBatchBefore(T0.plusSeconds(11), 1)).isZero();
        assertThat(inbox(inbox, "worker-1")).singleElement()
                .satisfies(kept -> assertThat(kept.at()).isEqualTo(T0.plusSeconds(20)));
    }
}
