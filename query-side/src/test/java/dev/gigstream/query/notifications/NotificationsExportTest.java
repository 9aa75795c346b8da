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
import dev.gigstream.messages.dispute.DisputeParty;
import dev.gigstream.messages.export.FindPersonalData;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobSite;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.messages.notification.NotificationRead;
import dev.gigstream.messages.notification.NotificationView;
import dev.gigstream.query.testsupport.MongoBackend;
import dev.gigstream.query.testsupport.RecordingPushes;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationsExportTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Money PAY = Money.of(1_500_000, Currency.NGN);

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void theWholeInboxReadOrNotWithoutTheOtherPartysText(MongoBackend backend) {
        var database = backend.freshDatabase();
        var inbox = new NotificationInbox(database, new RecordingPushes());
        var export = new NotificationsExport(database);
        inbox.on(new JobPosted(JobId.of("job-1"), "client-1", "Barista", "", List.of("barista"),
                new JobSite(new GeoPoint(6.45, 3.39), "Marina"), new ShiftWindow(T0.plusSeconds(3600), T0.plusSeconds(7200)),
                PAY, T0));
        var hired = new WorkerHired(JobId.of("job-1"), WorkerId.of("worker-1"), "client-1", PAY, EscrowId.of("escrow-1"),
                T0.plusSeconds(3600));
        inbox.on(hired, new GenericEventMessage<>(hired), ReplayStatus.REGULAR);
        var opened = new DisputeOpened(DisputeId.of("d1"), JobId.of("job-1"), EscrowId.of("escrow-1"), "client-1",
                WorkerId.of("worker-1"), "client-1", DisputeParty.CLIENT, "Left early, call 0803 000 0000", "details", PAY, PAY,
                T0.plusSeconds(7200), T0.plusSeconds(9000));
        inbox.on(opened, new GenericEventMessage<>(opened), ReplayStatus.REGULAR);

        List<NotificationView> worker = export.handle(new FindPersonalData("worker-1")).items();
        assertThat(worker).extracting(NotificationView::type).containsExactlyInAnyOrder("worker.hired", "dispute.opened");
        assertThat(worker).extracting(NotificationView::userId).containsOnly("worker-1");
        NotificationView dispute = worker.stream().filter(n -> n.type().equals("dispute.opened")).findFirst().orElseThrow();
        assertThat(dispute.details()).containsEntry("disputeId", "d1").containsEntry("title", "Barista")
                .doesNotContainKey("reason");

        inbox.on(new NotificationRead("worker-1", dispute.id()));
        assertThat(export.handle(new FindPersonalData("worker-1")).items()).extracting(NotificationView::read)
                .as("read ones too").contains(true, false);
        assertThat(export.handle(new FindPersonalData("client-1")).items()).as("the worker's notifications are theirs")
                .isEmpty();
    }
}
