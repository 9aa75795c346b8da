package dev.gigstream.query.notifications;

import com.mongodb.client.MongoDatabase;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobSite;
import dev.gigstream.messages.job.WorkerApplied;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.messages.notification.FindNotifications;
import dev.gigstream.messages.notification.NotificationRead;
import dev.gigstream.messages.notification.NotificationView;
import dev.gigstream.query.testsupport.Batches;
import dev.gigstream.query.testsupport.MongoBackend;
import dev.gigstream.query.testsupport.RecordingPushes;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static dev.gigstream.query.testsupport.Batches.inOneBatch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox written in batches: one bulk write per collection, each notification raised once when its
 * insert went through, the same inboxes as event by event.
 */
class NotificationInboxBatchTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Money PAY = Money.of(1_500_000, Currency.NGN);
    private static final int JOBS = 20;

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    private final Batches.CommandLog log = new Batches.CommandLog();

    private MongoDatabase database(MongoBackend backend) {
        return log.client(backend).getDatabase("test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    /** The stream of a busy marketplace as the inbox sees it: each job posted, applied to twice, hired and funded. */
    private static List<EventMessage<?>> marketplace(int jobs) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            String job = "job-" + i;
            events.add(message(new JobPosted(JobId.of(job), "client-" + i, "Barista " + i, "", List.of("barista"),
                    new JobSite(new GeoPoint(6.45, 3.39), "Marina"), new ShiftWindow(T0.plusSeconds(3600), T0.plusSeconds(7200)),
                    PAY, T0)));
            events.add(message(new WorkerApplied(JobId.of(job), WorkerId.of("worker-" + i), null, T0)));
            events.add(message(new WorkerApplied(JobId.of(job), WorkerId.of("other-" + i), null, T0)));
            events.add(message(new WorkerHired(JobId.of(job), WorkerId.of("worker-" + i), "client-" + i, PAY, EscrowId.of("escrow-" + i), T0.plusSeconds(3600))));
            events.add(message(new EscrowFunded(EscrowId.of("escrow-" + i), JobId.of(job), Money.of(1_650_000, Currency.NGN), Money.of(34_750, Currency.NGN), List.of())));
        }
        return events;
    }

    private static EventMessage<?> message(Object event) {
        return new GenericEventMessage<>(event);
    }

    private static void handle(NotificationInbox inbox, List<EventMessage<?>> events, ReplayStatus replay) {
        for (EventMessage<?> message : events) {
            Object event = message.getPayload();
            if (event instanceof JobPosted posted) {
                inbox.on(posted);
            } else if (event instanceof WorkerApplied applied) {
                inbox.on(applied, message, replay);
            } else if (event instanceof WorkerHired hired) {
                inbox.on(hired, message, replay);
            } else if (event instanceof EscrowFunded funded) {
                inbox.on(funded, message, replay);
            } else if (event instanceof NotificationRead read) {
                inbox.on(read);
            } else {
                throw new IllegalArgumentException(message.getPayloadType().getName());
            }
        }
    }

    private static List<NotificationView> inbox(NotificationInbox inbox, String userId) {
        return inbox.handle(new FindNotifications(userId, false, 50)).items();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aBatchOfALifecyclesEventsIsOneBulkWritePerCollectionAndRaisesEachNotificationOnce(MongoBackend backend) {
        var readModels = database(backend);
        var raised = new RecordingPushes();
        var inbox = new NotificationInbox(readModels, raised);
        log.take();

        inOneBatch(() -> {
            handle(inbox, marketplace(JOBS), ReplayStatus.REGULAR);
            assertThat(raised.pushed()).as("raised only once stored").isEmpty();
        });

        // each job's parties read once, when it is posted; its two writes (posted, hired) are two rounds
        List<String> expected = new ArrayList<>(Collections.nCopies(JOBS, "find notification_jobs"));
        expected.addAll(List.of("update notification_jobs", "update notification_jobs", "update notifications"));
        assertThat(log.take()).isEqualTo(expected);
        // each client: two applications and the funding; each hired worker: the hire and the funding
        assertThat(raised.pushed()).hasSize(JOBS * 5);
        assertThat(readModels.getCollection("notifications").countDocuments()).isEqualTo(JOBS * 5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aBatchLeavesTheSameInboxesAndRaisesTheSameNotificationsAsEventByEvent(MongoBackend backend) {
        var raisedInBatch = new RecordingPushes();
        var raisedOneByOne = new RecordingPushes();
        var batched = new NotificationInbox(backend.freshDatabase(), raisedInBatch);
        var oneByOne = new NotificationInbox(backend.freshDatabase(), raisedOneByOne);

        List<EventMessage<?>> events = marketplace(3);

        inOneBatch(() -> handle(batched, events, ReplayStatus.REGULAR));
        handle(oneByOne, events, ReplayStatus.REGULAR);

        for (int i = 0; i < 3; i++) {
            for (String user : List.of("client-" + i, "worker-" + i, "other-" + i)) {
                assertThat(inbox(batched, user)).isEqualTo(inbox(oneByOne, user));
            }
            assertThat(inbox(batched, "worker-" + i)).extracting(NotificationView::type)
                    .containsExactlyInAnyOrder("worker.hired", "escrow.funded");
        }
        assertThat(raisedInBatch.pushed()).containsExactlyInAnyOrderElementsOf(raisedOneByOne.pushed());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aRedeliveredBatchStoresAndRaisesNothingAgain(MongoBackend backend) {
        var readModels = backend.freshDatabase();
        var raised = new RecordingPushes();
        var inbox = new NotificationInbox(readModels, raised);
        List<EventMessage<?>> events = marketplace(3);
        inOneBatch(() -> handle(inbox, events.subList(0, 8), ReplayStatus.REGULAR));
        int first = raised.pushed().size();

        // the whole stream so far again, as after a failed token update, in one batch that also holds the same events twice
        inOneBatch(() -> {
            handle(inbox, events, ReplayStatus.REGULAR);
            handle(inbox, events, ReplayStatus.REGULAR);
        });

        assertThat(first).isEqualTo(5 + 2); // job-0's five and job-1's two applications
        assertThat(raised.pushed()).hasSize(15)
                .extracting(NotificationView::id).doesNotHaveDuplicates();
        assertThat(readModels.getCollection("notifications").countDocuments()).isEqualTo(15);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aReplayedBatchRebuildsTheInboxWithItsReadMarksAndRaisesNothing(MongoBackend backend) {
        var liveRaised = new RecordingPushes();
        var live = new NotificationInbox(backend.freshDatabase(), liveRaised);
        List<EventMessage<?>> events = new ArrayList<>(marketplace(2));
        handle(live, events, ReplayStatus.REGULAR);
        String readByWorker = liveRaised.pushed().stream()
                .filter(n -> n.userId().equals("worker-1") && n.type().equals("worker.hired"))
                .findFirst().orElseThrow().id();
        events.add(message(new NotificationRead("worker-1", readByWorker)));

        var replayRaised = new RecordingPushes();
        var rebuilt = new NotificationInbox(backend.freshDatabase(), replayRaised);
        inOneBatch(() -> handle(rebuilt, events, ReplayStatus.REPLAY));

        assertThat(replayRaised.pushed()).isEmpty();
        assertThat(inbox(rebuilt, "worker-1")).filteredOn(n -> n.id().equals(readByWorker))
                .singleElement().extracting(NotificationView::read).isEqualTo(true);
        assertThat(rebuilt.handle(new FindNotifications("worker-1", true, 50)).items())
                .extracting(NotificationView::type).containsExactly("escrow.funded");
    }
}
