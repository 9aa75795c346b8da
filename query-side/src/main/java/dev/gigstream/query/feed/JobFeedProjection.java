package dev.gigstream.query.feed;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.gigstream.messages.job.FindJob;
import dev.gigstream.messages.job.FindJobFeed;
import dev.gigstream.messages.job.HireLapsed;
import dev.gigstream.messages.job.JobCancelled;
import dev.gigstream.messages.job.JobCompleted;
import dev.gigstream.messages.job.JobDisputeSettled;
import dev.gigstream.messages.job.JobDisputeWithdrawn;
import dev.gigstream.messages.job.JobDisputed;
import dev.gigstream.messages.job.JobExpired;
import dev.gigstream.messages.job.JobFeedItem;
import dev.gigstream.messages.job.JobFeedPage;
import dev.gigstream.messages.job.JobFunded;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.JobView;
import dev.gigstream.messages.job.WorkerCheckedIn;
import dev.gigstream.messages.job.WorkerCheckedOut;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.messages.job.WorkerNoShow;
import dev.gigstream.query.common.Documents;
import dev.gigstream.query.common.Nearby;
import dev.gigstream.query.common.SequencedWrites;
import dev.gigstream.query.common.SharedProcessor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Every job with its status timeline ({@code jobs}): the durable read model behind the job details,
 * a client's own jobs and the feed. The feed's commonest question (open jobs, anyone's) is answered
 * by the {@link OpenJobIndex} once it has caught up; everything else here.
 * <p>
 * Indexes, for a real MongoDB (the in-process server accepts and ignores them):
 * {@code status, location.lat, location.lng} (open jobs by area: the bounding-box range query),
 * {@code status, postedAt} (newest first), {@code requiredSkills, status, postedAt} (by skill),
 * {@code clientId, postedAt} (a client's own jobs), {@code status, shift.start} (by date).
 */
@Component
@SharedProcessor(SharedProcessor.JOB_READ_MODELS)
@ProcessingGroup(JobFeedProjection.NAME)
public class JobFeedProjection {

    public static final String NAME = "job-feed";
    static final String COLLECTION = "jobs";

    private final MongoCollection<Document> jobs;
    private final OpenJobIndex openJobs;

    public JobFeedProjection(MongoDatabase readModels, OpenJobIndex openJobs) {
        this.jobs = readModels.getCollection(COLLECTION);
        this.openJobs = openJobs;
        jobs.createIndex(Indexes.ascending("status", "location.lat", "location.lng"));
        jobs.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("postedAt")));
        jobs.createIndex(Indexes.compoundIndex(Indexes.ascending("requiredSkills", "status"), Indexes.descending("postedAt")));
        jobs.createIndex(Indexes.compoundIndex(Indexes.ascending("clientId"), Indexes.descending("postedAt")));
        jobs.createIndex(Indexes.ascending("status", "shift.start"));
    }

    @EventHandler
    void on(JobPosted event, @SequenceNumber long sequence) {
        SequencedWrites.batch(jobs, event.jobId().value(), sequence, Updates.combine(
                Updates.set("clientId", event.clientId()),
                Updates.set("title", event.title()),
                Updates.set("description", event.description()),
                Updates.set("requiredSkills", event.requiredSkills()),
                Updates.set("location", Documents.site(event.site())),
                Updates.set("shift", Documents.shift(event.shift())),
                Updates.set("pay", Documents.money(event.pay())),
                Updates.set("postedAt", Date.from(event.postedAt())),
                Updates.set("status", JobStatus.OPEN.name()),
                Updates.set("timeline", List.of(change(JobStatus.OPEN, event.postedAt())))));
    }

    @EventHandler
    void on(WorkerHired event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeStatus(event.jobId().value(), sequence, JobStatus.HIRED, at, Updates.combine(
                Updates.set("hiredWorkerId", event.workerId().value()), Updates.set("escrowId", event.escrowId().value())));
    }

    @EventHandler
    void on(HireLapsed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeStatus(event.jobId().value(), sequence, JobStatus.OPEN, at, Updates.combine(
                Updates.unset("hiredWorkerId"), Updates.unset("escrowId")));
    }

    @EventHandler
    void on(JobFunded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeStatus(event.jobId().value(), sequence, JobStatus.FUNDED, at, null);
    }

    @EventHandler
    void on(WorkerCheckedIn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeStatus(event.jobId().value(), sequence, JobStatus.IN_PROGRESS, at,
                Updates.set("checkedInAt", Date.from(event.at())));
    }

    @EventHandler
    void on(WorkerCheckedOut event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeStatus(event.jobId().value(), sequence, JobStatus.AWAITING_CONFIRMATION, at, Updates.combine(
                Updates.set("checkedOutAt", Date.from(event.at())),
                Updates.set("checkedOutAutomatically", event.automatic())));
    }

    @EventHandler
    void on(WorkerNoShow event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeStatus(event.jobId().value(), sequence, JobStatus.NO_SHOW, at, null);
    }

    @EventHandler
    void on(JobCompleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeStatus(event.jobId().value(), sequence, JobStatus.COMPLETED, at, null);
    }

    @EventHandler
    void on(JobDisputed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeStatus(event.jobId().value(), sequence, JobStatus.DISPUTED, at, Updates.set("disputeId", event.disputeId().value()));
    }

    @EventHandler
    void on(JobDisputeWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        // disputeId stays: the job's details still lead to the dispute, withdrawn as it is
        changeStatus(event.jobId().value(), sequence, event.resumedStatus(), at, null);
    }

    @EventHandler
    void on(JobDisputeSettled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeStatus(event.jobId().value(), sequence, event.status(), at, null);
    }

    @EventHandler
    void on(JobCancelled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeStatus(event.jobId().value(), sequence, JobStatus.CANCELLED, at, Updates.set("cancelReason", event.reason()));
    }

    @EventHandler
    void on(JobExpired event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changeStatus(event.jobId().value(), sequence, JobStatus.EXPIRED, at, null);
    }

    @ResetHandler
    void reset() {
        jobs.deleteMany(new Document());
    }

    @QueryHandler
    Optional<JobView> handle(FindJob query) {
        return Optional.ofNullable(jobs.find(Filters.eq("_id", query.jobId())).first()).map(JobFeedProjection::toView);
    }

    @QueryHandler
    JobFeedPage handle(FindJobFeed query) {
        if (openJobs.answers(query)) {
            return openJobs.query(query);
        }
        List<Bson> filters = new ArrayList<>();
        if (query.status() != null) {
            filters.add(Filters.eq("status", query.status().name()));
        }
        if (query.clientId() != null) {
            filters.add(Filters.eq("clientId", query.clientId()));
        }
        if (query.skill() != null) {
            filters.add(Filters.eq("requiredSkills", query.skill()));
        }
        if (query.from() != null) {
            filters.add(Filters.gte("shift.start", Date.from(query.from())));
        }
        if (query.to() != null) {
            filters.add(Filters.lt("shift.start", Date.from(query.to())));
        }
        if (query.near() == null) {
            Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
            List<JobFeedItem> items = jobs.find(filter)
                    .sort(Sorts.orderBy(Sorts.descending("postedAt"), Sorts.ascending("_id")))
                    .skip(query.page() * query.size())
                    .limit(query.size())
                    .map(JobFeedProjection::toItem)
                    .into(new ArrayList<>());
            return new JobFeedPage(items, query.page(), query.size(), jobs.countDocuments(filter));
        }
        filters.add(Nearby.inBoxAround("location", query.near(), query.radiusKm()));
        FeedOrder.Pager pager = new FeedOrder.Pager(query);
        for (Document doc : jobs.find(Filters.and(filters))) {
            JobFeedItem item = toItem(doc);
            double km = Nearby.distanceWithin(query.near(), query.radiusKm(), item.site().point());
            if (km >= 0) {
                pager.offer(item.withDistance(km));
            }
        }
        return pager.page();
    }

    private void changeStatus(String jobId, long sequence, JobStatus status, Instant at, Bson more) {
        Bson update = Updates.combine(Updates.set("status", status.name()), Updates.push("timeline", change(status, at)));
        SequencedWrites.batch(jobs, jobId, sequence, more == null ? update : Updates.combine(update, more));
    }

    private static Document change(JobStatus status, Instant at) {
        return new Document("status", status.name()).append("at", Date.from(at));
    }

    private static JobFeedItem toItem(Document doc) {
        return new JobFeedItem(doc.getString("_id"), doc.getString("title"),
                doc.getList("requiredSkills", String.class), Documents.site(doc.get("location", Document.class)), null,
                Documents.shift(doc.get("shift", Document.class)), Documents.money(doc.get("pay", Document.class)),
                JobStatus.valueOf(doc.getString("status")), doc.getString("clientId"), doc.getDate("postedAt").toInstant());
    }

    static JobView toView(Document doc) {
        JobFeedItem item = toItem(doc);
        List<JobView.StatusChange> timeline = doc.getList("timeline", Document.class, List.of()).stream()
                .map(change -> new JobView.StatusChange(JobStatus.valueOf(change.getString("status")),
                        change.getDate("at").toInstant()))
                .toList();
        return new JobView(item.jobId(), item.clientId(), item.title(), doc.getString("description"),
                item.requiredSkills(), item.site(), item.shift(), item.pay(), item.status(), item.postedAt(),
                doc.getString("hiredWorkerId"), doc.getString("escrowId"), timeline, instant(doc, "checkedInAt"),
                instant(doc, "checkedOutAt"), doc.getBoolean("checkedOutAutomatically", false), doc.getString("disputeId"));
    }

    private static Instant instant(Document doc, String key) {
        Date date = doc.getDate(key);
        return date == null ? null : date.toInstant();
    }
}
