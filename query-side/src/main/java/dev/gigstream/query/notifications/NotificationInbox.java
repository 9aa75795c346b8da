package dev.gigstream.query.notifications;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.gigstream.messages.dispute.DisputeOpened;
import dev.gigstream.messages.dispute.DisputeResolved;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowRefunded;
import dev.gigstream.messages.escrow.PayoutCompleted;
import dev.gigstream.messages.job.HireLapsed;
import dev.gigstream.messages.job.JobOffered;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.ShiftConfirmed;
import dev.gigstream.messages.job.WorkerApplied;
import dev.gigstream.messages.job.WorkerCheckedIn;
import dev.gigstream.messages.job.WorkerCheckedOut;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.messages.notification.FindNotification;
import dev.gigstream.messages.notification.FindNotifications;
import dev.gigstream.messages.notification.NotificationPage;
import dev.gigstream.messages.notification.NotificationRead;
import dev.gigstream.messages.notification.NotificationView;
import dev.gigstream.messages.rating.RatingsRevealed;
import dev.gigstream.messages.worker.BadgeAwarded;
import dev.gigstream.messages.worker.PremiumEnded;
import dev.gigstream.messages.worker.PremiumStarted;
import dev.gigstream.messages.worker.WorkerReinstated;
import dev.gigstream.messages.worker.WorkerSuspended;
import dev.gigstream.query.common.BatchedDocuments;
import dev.gigstream.query.common.ExpiredDocuments;
import dev.gigstream.query.common.InOrder;
import dev.gigstream.query.common.SequencedWrites;
import dev.gigstream.query.common.SharedProcessor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every user's notification inbox ({@code notifications}), written from the events that concern them
 * (who is concerned comes from {@code notification_jobs}, which this projection keeps itself). A
 * notification is stored first, then pushed to the recipient's live sessions through the
 * {@link NotificationSink}; while the stream is replayed the inbox is rebuilt but nothing is pushed
 * again. No event is stored for a notification: the inbox is all there is of it, and the push is its
 * live copy. It runs in order, so a job's escrow events find the job's parties already known.
 * <p>
 * Within a processor's batch the notifications and the job parties are written with the batch
 * ({@link SequencedWrites}): a notification is inserted once, and pushed when the batch's insert of
 * it went through, before the batch's token is stored; the parties of each job are read once per batch
 * and kept as the batch changes them ({@link BatchedDocuments}).
 * <p>
 * Stores written before notifications were pushed this way hold a {@code NotificationRaised} event
 * for each notification. Nothing handles those any more: a replay rebuilds the inbox from the events
 * that caused the notifications, as it always did, and pushes none of them.
 */
@Component
@InOrder
@SharedProcessor(SharedProcessor.IN_ORDER_READ_MODELS)
@ProcessingGroup(NotificationInbox.NAME)
public class NotificationInbox {

    public static final String NAME = "notification-inbox";

    /** The payments mode whose notifications say so: no money moves behind them. */
    static final String SANDBOX = "sandbox";
    static final String COLLECTION = "notifications";

    private static final Logger log = LoggerFactory.getLogger(NotificationInbox.class);

    private final MongoCollection<Document> notifications;
    private final MongoCollection<Document> jobCollection;
    private final BatchedDocuments jobs;
    private final boolean paymentsSimulated;
    private final NotificationSink sink;

    public NotificationInbox(MongoDatabase readModels, NotificationSink sink) {
        this(readModels, "paystack", sink);
    }

    /** While payments run in the sandbox ({@code gigstream.payments.mode}), every notification says so in {@code details.payments}. */
    @Autowired
    public NotificationInbox(MongoDatabase readModels, @Value("${gigstream.payments.mode:paystack}") String paymentsMode,
                             NotificationSink sink) {
        this.paymentsSimulated = SANDBOX.equalsIgnoreCase(paymentsMode);
        this.sink = sink;
        this.notifications = readModels.getCollection(COLLECTION);
        this.jobCollection = readModels.getCollection("notification_jobs");
        this.jobs = new BatchedDocuments(jobCollection);
        notifications.createIndex(Indexes.compoundIndex(Indexes.ascending("userId", "read"), Indexes.descending("at")));
        notifications.createIndex(Indexes.ascending("at"));
    }

    @EventHandler
    void on(JobPosted event) {
        jobs.write(event.jobId().value(), Updates.combine(Updates.set("clientId", event.clientId()),
                Updates.set("title", event.title())), true, job -> job.append("clientId", event.clientId()).append("title", event.title()));
    }

    @EventHandler
    void on(WorkerApplied event, EventMessage<?> message, ReplayStatus replay) {
        Document job = job(event.jobId().value());
        raise(message, replay, job.getString("clientId"), "application.received", event.jobId().value(),
                details(job, "workerId", event.workerId().value()));
    }

    @EventHandler
    void on(WorkerHired event, EventMessage<?> message, ReplayStatus replay) {
        jobs.write(event.jobId().value(), Updates.set("workerId", event.workerId().value()), false, job -> job.append("workerId", event.workerId().value()));
        raise(message, replay, event.workerId().value(), "worker.hired", event.jobId().value(),
                details(job(event.jobId().value()), "escrowId", event.escrowId().value()));
    }

    @EventHandler
    void on(HireLapsed event) {
        jobs.write(event.jobId().value(), Updates.unset("workerId"), false, job -> job.remove("workerId"));
    }

    @EventHandler
    void on(EscrowFunded event, EventMessage<?> message, ReplayStatus replay) {
        Document job = job(event.jobId().value());
        Map<String, String> details = details(job, "escrowId", event.escrowId().value());
        raise(message, replay, job.getString("workerId"), "escrow.funded", event.jobId().value(), details);
        raise(message, replay, job.getString("clientId"), "escrow.funded", event.jobId().value(), details);
    }

    @EventHandler
    void on(WorkerCheckedIn event, EventMessage<?> message, ReplayStatus replay) {
        Document job = job(event.jobId().value());
        raise(message, replay, job.getString("clientId"), "shift.checked_in", event.jobId().value(),
                details(job, "workerId", event.workerId().value()));
    }

    @EventHandler
    void on(WorkerCheckedOut event, EventMessage<?> message, ReplayStatus replay) {
        Document job = job(event.jobId().value());
        raise(message, replay, job.getString("clientId"), "shift.checked_out", event.jobId().value(),
                details(job, "workerId", event.workerId().value()));
    }

    @EventHandler
    void on(ShiftConfirmed event, EventMessage<?> message, ReplayStatus replay) {
        raise(message, replay, event.workerId().value(), "shift.confirmed", event.jobId().value(),
                details(job(event.jobId().value()), "automatic", String.valueOf(event.automatic())));
    }

    @EventHandler
    void on(PayoutCompleted event, EventMessage<?> message, ReplayStatus replay) {
        raise(message, replay, event.workerId().value(), "payout.completed", event.jobId().value(),
                details(job(event.jobId().value()), "amount", String.valueOf(event.amount().amount()),
                        "currency", event.amount().currency().name()));
    }

    @EventHandler
    void on(EscrowRefunded event, EventMessage<?> message, ReplayStatus replay) {
        Document job = job(event.jobId().value());
        raise(message, replay, job.getString("clientId"), "escrow.refunded", event.jobId().value(),
                details(job, "amount", String.valueOf(event.refunded().amount()), "currency",
                        event.refunded().currency().name()));
    }

    @EventHandler
    void on(JobOffered event, EventMessage<?> message, ReplayStatus replay) {
        raise(message, replay, event.workerId().value(), "job.match", event.jobId().value(),
                details(job(event.jobId().value()), "rank", String.valueOf(event.rank()),
                        "expiresAt", event.expiresAt().toString(),
                        "pay", event.pay() == null ? null : String.valueOf(event.pay().amount()),
                        "currency", event.pay() == null ? null : event.pay().currency().name()));
    }

    @EventHandler
    void on(DisputeOpened event, EventMessage<?> message, ReplayStatus replay) {
        String otherParty = event.clientId().equals(event.openedBy()) ? event.workerId().value() : event.clientId();
        raise(message, replay, otherParty, "dispute.opened", event.jobId().value(),
                details(job(event.jobId().value()), "disputeId", event.disputeId().value(), "reason", event.reason(),
                        "respondBy", event.respondBy().toString()));
    }

    @EventHandler
    void on(DisputeResolved event, EventMessage<?> message, ReplayStatus replay) {
        Map<String, String> details = details(job(event.jobId().value()), "disputeId", event.disputeId().value(),
                "outcome", event.outcome().name(), "workerShare", String.valueOf(event.workerShare().amount()),
                "clientRefund", String.valueOf(event.clientRefund().amount()),
                "currency", event.workerShare().currency().name());
        raise(message, replay, event.clientId(), "dispute.resolved", event.jobId().value(), details);
        raise(message, replay, event.workerId().value(), "dispute.resolved", event.jobId().value(), details);
    }

    @EventHandler
    void on(RatingsRevealed event, EventMessage<?> message, ReplayStatus replay) {
        Document job = job(event.jobId().value());
        for (RatingsRevealed.Rating rating : event.ratings()) {
            raise(message, replay, rating.rateeId(), "rating.received", event.jobId().value(),
                    details(job, "stars", String.valueOf(rating.stars()), "byRole", rating.raterRole().name()));
        }
    }

    @EventHandler
    void on(BadgeAwarded event, EventMessage<?> message, ReplayStatus replay) {
        raise(message, replay, event.workerId().value(), "badge.awarded", null,
                details(new Document(), "badge", event.badge().name()));
    }

    @EventHandler
    void on(PremiumStarted event, EventMessage<?> message, ReplayStatus replay) {
        raise(message, replay, event.workerId().value(), "premium.started", null,
                details(new Document(), "until", event.until().toString()));
    }

    @EventHandler
    void on(PremiumEnded event, EventMessage<?> message, ReplayStatus replay) {
        raise(message, replay, event.workerId().value(), "premium.ended", null,
                details(new Document(), "periodEnd", event.periodEnd().toString()));
    }

    /** The reason stays out of the inbox: it is personal data of the event's, erased with the person's key. */
    @EventHandler
    void on(WorkerSuspended event, EventMessage<?> message, ReplayStatus replay) {
        raise(message, replay, event.workerId().value(), "account.suspended", null, details(new Document()));
    }

    @EventHandler
    void on(WorkerReinstated event, EventMessage<?> message, ReplayStatus replay) {
        raise(message, replay, event.workerId().value(), "account.reinstated", null, details(new Document()));
    }

    @EventHandler
    void on(NotificationRead event) {
        SequencedWrites.writeHeld(notifications); // a replay reads the notification in the batch that stored it
        notifications.updateOne(Filters.and(Filters.eq("_id", event.notificationId()), Filters.eq("userId", event.userId())),
                Updates.set("read", true));
    }

    @ResetHandler
    void reset() {
        notifications.deleteMany(new Document());
        jobCollection.deleteMany(new Document());
    }

    @QueryHandler
    NotificationPage handle(FindNotifications query) {
        var filter = query.unreadOnly()
                ? Filters.and(Filters.eq("userId", query.userId()), Filters.eq("read", false))
                : Filters.eq("userId", query.userId());
        return new NotificationPage(notifications.find(filter).sort(Sorts.descending("at")).limit(query.limit())
                .map(NotificationInbox::toView).into(new ArrayList<>()));
    }

    @QueryHandler
    Optional<NotificationView> handle(FindNotification query) {
        return Optional.ofNullable(notifications.find(Filters.and(Filters.eq("_id", query.notificationId()),
                Filters.eq("userId", query.userId()))).first()).map(NotificationInbox::toView);
    }

    /**
     * Deletes at most {@code batch} notifications raised before {@code cutoff} (the retention sweep's,
     * {@code gigstream.retention.notifications}); returns how many. A replay brings them back until the
     * next sweep.
     */
    public long deleteBatchBefore(Instant cutoff, int batch) {
        return ExpiredDocuments.deleteBatch(notifications, Filters.lt("at", Date.from(cutoff)), batch);
    }

    /**
     * Stores a copy of what another channel carried to the user, as a notification of {@code type} (the
     * embedded default's push notifications and text messages, which go nowhere else), and pushes it to the
     * user's sessions like the others. {@code copyOf} names what it is a copy of (a notification's id and the
     * channel): the copy is stored once, whatever the retries, and pushed when this call stored it.
     */
    public NotificationView storeCopy(String copyOf, String userId, String type, Instant at, Map<String, String> details) {
        String id = UUID.nameUUIDFromBytes(("copy/" + copyOf).getBytes(StandardCharsets.UTF_8)).toString();
        NotificationView stored = new NotificationView(id, userId, type, null, at, false, Map.copyOf(details));
        SequencedWrites.insertOnce(notifications, id, Updates.combine(
                Updates.setOnInsert("userId", userId), Updates.setOnInsert("type", type),
                Updates.setOnInsert("jobId", null), Updates.setOnInsert("at", Date.from(at)),
                Updates.setOnInsert("details", new Document(details)), Updates.setOnInsert("read", false)),
                () -> push(stored));
        return stored;
    }

    /** Stores the notification (once, whatever the redeliveries), then pushes it unless the stream is replayed. */
    private void raise(EventMessage<?> cause, ReplayStatus replay, String userId, String type, String jobId,
                       Map<String, String> details) {
        if (userId == null) {
            return;
        }
        if (paymentsSimulated) {
            details = new LinkedHashMap<>(details);
            details.put("payments", "SANDBOX");
        }
        String id = UUID.nameUUIDFromBytes((cause.getIdentifier() + "/" + userId).getBytes(StandardCharsets.UTF_8)).toString();
        Instant at = cause.getTimestamp();
        NotificationView stored = new NotificationView(id, userId, type, jobId, at, false, details);
        SequencedWrites.insertOnce(notifications, id, Updates.combine(
                Updates.setOnInsert("userId", userId), Updates.setOnInsert("type", type),
                Updates.setOnInsert("jobId", jobId), Updates.setOnInsert("at", Date.from(at)),
                Updates.setOnInsert("details", new Document(details)), Updates.setOnInsert("read", false)),
                replay.isReplay() ? null : () -> push(stored));
    }

    /** A push that fails is only logged: the notification is stored, and waits in the inbox. */
    private void push(NotificationView notification) {
        try {
            sink.push(notification);
        } catch (RuntimeException e) {
            log.warn("Could not push notification {} to {}: {}", notification.id(), notification.userId(), e.getMessage());
        }
    }

    private Document job(String jobId) {
        Document job = jobs.find(jobId);
        return job == null ? new Document() : job;
    }

    private static Map<String, String> details(Document job, String... pairs) {
        Map<String, String> details = new LinkedHashMap<>();
        if (job.getString("title") != null) {
            details.put("title", job.getString("title"));
        }
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                details.put(pairs[i], pairs[i + 1]);
            }
        }
        return details;
    }

    private static NotificationView toView(Document doc) {
        Map<String, String> details = new LinkedHashMap<>();
        doc.get("details", Document.class).forEach((key, value) -> details.put(key, String.valueOf(value)));
        return new NotificationView(doc.getString("_id"), doc.getString("userId"), doc.getString("type"),
                doc.getString("jobId"), doc.getDate("at").toInstant(), doc.getBoolean("read", false), details);
    }
}
