package dev.gigstream.query.worker;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.gigstream.messages.common.BoundingBox;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.job.JobCompleted;
import dev.gigstream.messages.job.JobDisputeSettled;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.WorkerCheckedIn;
import dev.gigstream.messages.job.WorkerNoShow;
import dev.gigstream.messages.rating.RaterRole;
import dev.gigstream.messages.rating.RatingsRevealed;
import dev.gigstream.messages.worker.AvailabilityWindow;
import dev.gigstream.messages.worker.BadgeAwarded;
import dev.gigstream.messages.worker.FindWorkerProfile;
import dev.gigstream.messages.worker.PremiumEnded;
import dev.gigstream.messages.worker.PremiumExtended;
import dev.gigstream.messages.worker.PremiumStarted;
import dev.gigstream.messages.worker.Reliability;
import dev.gigstream.messages.worker.WorkerPhoneVerificationCleared;
import dev.gigstream.messages.worker.WorkerPhoneVerified;
import dev.gigstream.messages.worker.WorkerProfileUpdated;
import dev.gigstream.messages.worker.WorkerProfileView;
import dev.gigstream.messages.worker.WorkerRegistered;
import dev.gigstream.messages.worker.WorkerReinstated;
import dev.gigstream.messages.worker.WorkerSuspended;
import dev.gigstream.messages.worker.WorkerWentOnline;
import dev.gigstream.query.common.SequencedWrites;
import dev.gigstream.query.rating.BayesianAverage;
import dev.gigstream.query.rating.RevealedRatings;
import dev.gigstream.query.worker.ReliabilityPolicy.FinishedShift;
import dev.gigstream.query.worker.ReliabilityPolicy.Outcome;
import dev.gigstream.query.common.SharedProcessor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Worker profiles, one document per worker in {@code worker_profiles}: the public profile with the track
 * record (shifts, reliability, ratings, badges), and what ranking and matching need through {@link #candidates}.
 * It keeps per job the check-in's lateness and whether the shift was counted ({@code worker_shifts}), and
 * counts revealed ratings itself ({@code worker_ratings}, {@code worker_rating_platform_totals}).
 * <p>
 * The worker's own events (registration, profile, going online, premium, badges, phone verification) and the shifts' check-ins
 * are written with the processor's batch ({@link SequencedWrites#batch}); a finished shift and a revealed
 * rating, once per job, count at once after the batch's held writes, as their guards against counting
 * twice need.
 */
@Component
@SharedProcessor(SharedProcessor.PEOPLE_READ_MODELS)
@ProcessingGroup(WorkerProfileProjection.NAME)
public class WorkerProfileProjection {

    public static final String NAME = "worker-profiles";
    static final String COLLECTION = "worker_profiles";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> profiles;
    private final MongoCollection<Document> shifts;
    private final RevealedRatings ratings;
    private final BayesianAverage bayesian;

    public WorkerProfileProjection(MongoDatabase readModels, BayesianAverage bayesian) {
        this.profiles = readModels.getCollection(COLLECTION);
        this.shifts = readModels.getCollection("worker_shifts");
        this.ratings = new RevealedRatings(readModels.getCollection("worker_ratings"),
                readModels.getCollection("worker_rating_platform_totals"));
        this.bayesian = bayesian;
        // matching narrows by area first; a real MongoDB uses this index, the in-process server scans
        profiles.createIndex(Indexes.ascending("home.lat", "home.lng"));
        profiles.createIndex(Indexes.ascending("skills"));
    }

    @EventHandler
    void on(WorkerRegistered event, @SequenceNumber long sequence) {
        SequencedWrites.batch(profiles, event.workerId().value(), sequence, Updates.combine(
                Updates.set("fullName", event.fullName()),
                Updates.setOnInsert("skills", List.of()),
                Updates.setOnInsert("ratingCount", 0),
                Updates.setOnInsert("completedJobs", 0),
                Updates.setOnInsert("noShows", 0),
                Updates.setOnInsert("badges", List.of()),
                Updates.setOnInsert("premium", false)));
    }

    @EventHandler
    void on(WorkerProfileUpdated event, @SequenceNumber long sequence) {
        SequencedWrites.batch(profiles, event.workerId().value(), sequence, Updates.combine(
                Updates.set("skills", event.skills()),
                Updates.set("bio", event.bio()),
                // null once the worker is erased (docs/personal-data.md#erasure)
                event.home() == null ? Updates.unset("home")
                        : Updates.set("home", new Document("lat", event.home().lat()).append("lng", event.home().lng())),
                Updates.set("availability", event.availability().stream().map(WorkerProfileProjection::window).toList())));
    }

    @EventHandler
    void on(WorkerWentOnline event, @SequenceNumber long sequence) {
        SequencedWrites.batch(profiles, event.workerId().value(), sequence, Updates.set("lastOnlineAt", Date.from(event.at())));
    }

    @EventHandler
    void on(PremiumStarted event, @SequenceNumber long sequence) {
        SequencedWrites.batch(profiles, event.workerId().value(), sequence, Updates.combine(Updates.set("premium", true),
                Updates.set("premiumUntil", Date.from(event.until()))));
    }

    @EventHandler
    void on(PremiumExtended event, @SequenceNumber long sequence) {
        SequencedWrites.batch(profiles, event.workerId().value(), sequence, Updates.set("premiumUntil", Date.from(event.until())));
    }

    @EventHandler
    void on(PremiumEnded event, @SequenceNumber long sequence) {
        SequencedWrites.batch(profiles, event.workerId().value(), sequence, Updates.combine(Updates.set("premium", false),
                Updates.unset("premiumUntil")));
    }

    @EventHandler
    void on(WorkerSuspended event, @SequenceNumber long sequence) {
        SequencedWrites.batch(profiles, event.workerId().value(), sequence, Updates.set("suspended", true));
    }

    @EventHandler
    void on(WorkerReinstated event, @SequenceNumber long sequence) {
        SequencedWrites.batch(profiles, event.workerId().value(), sequence, Updates.set("suspended", false));
    }

    @EventHandler
    void on(WorkerPhoneVerified event, @SequenceNumber long sequence) {
        SequencedWrites.batch(profiles, event.workerId().value(), sequence, Updates.set("phoneVerified", true));
    }

    @EventHandler
    void on(WorkerPhoneVerificationCleared event, @SequenceNumber long sequence) {
        SequencedWrites.batch(profiles, event.workerId().value(), sequence, Updates.set("phoneVerified", false));
    }

    @EventHandler
    void on(BadgeAwarded event, @SequenceNumber long sequence) {
        SequencedWrites.batch(profiles, event.workerId().value(), sequence, Updates.addToSet("badges", event.badge().name()));
    }

    @EventHandler
    void on(WorkerCheckedIn event, @SequenceNumber long sequence) {
        SequencedWrites.batch(shifts, event.jobId().value(), sequence, Updates.combine(
                Updates.set("workerId", event.workerId().value()),
                Updates.set("late", ReliabilityPolicy.isLate(event.at(), event.shift()))));
    }

    @EventHandler
    void on(JobCompleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        finish(event.jobId().value(), event.workerId().value(), Outcome.COMPLETED, sequence, at);
    }

    @EventHandler
    void on(WorkerNoShow event, @SequenceNumber long sequence, @Timestamp Instant at) {
        finish(event.jobId().value(), event.workerId().value(), Outcome.NO_SHOW, sequence, at);
    }

    /** Paid, the worker did the shift; refunded, it was no shift of theirs and its check-in is forgotten. */
    @EventHandler
    void on(JobDisputeSettled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (event.status() == JobStatus.COMPLETED) {
            finish(event.jobId().value(), event.workerId().value(), Outcome.COMPLETED, sequence, at);
        } else {
            SequencedWrites.writeHeld(shifts);
            shifts.deleteOne(Filters.eq("_id", event.jobId().value()));
        }
    }

    /** Every revealed rating counts in the platform's totals; the worker's own are those clients gave them. */
    @EventHandler
    void on(RatingsRevealed event) {
        for (RatingsRevealed.Rating rating : event.ratings()) {
            if (ratings.reveal(event.jobId().value(), rating, Updates.set("rateeId", rating.rateeId()))
                    && rating.raterRole() == RaterRole.CLIENT) {
                // at once, after the batch's held writes: the guard against counting twice is the reveal just written
                SequencedWrites.writeHeld(profiles);
                profiles.updateOne(Filters.eq("_id", rating.rateeId()),
                        RevealedRatings.add("ratingCount", "ratingSum", rating.stars()), UPSERT);
            }
        }
    }

    @ResetHandler
    void reset() {
        profiles.deleteMany(new Document());
        shifts.deleteMany(new Document());
        ratings.reset();
    }

    @QueryHandler
    Optional<WorkerProfileView> handle(FindWorkerProfile query) {
        return Optional.ofNullable(profiles.find(Filters.eq("_id", query.workerId())).first())
                .filter(doc -> doc.containsKey("fullName")) // job or rating events may come before the registration
                .map(doc -> toView(doc, ratings.platform()));
    }

    /** The workers with these ids, in no particular order; unknown ids are left out. */
    public List<WorkerCandidate> candidates(Collection<String> workerIds) {
        RevealedRatings.Totals platform = ratings.platform();
        return profiles.find(Filters.in("_id", workerIds)).map(doc -> toCandidate(doc, platform))
                .into(new ArrayList<>());
    }

    /**
     * One worker as ranking sees them ({@code candidate} null when unknown), read in one go with the
     * sequence number of the last of the worker's own events applied to the document (-1 none), so
     * a caller can tell whether the answer already reflects a change it knows was made.
     */
    public CandidateAt candidate(String workerId) {
        Document doc = profiles.find(Filters.eq("_id", workerId)).first();
        if (doc == null) {
            return new CandidateAt(null, -1);
        }
        Number sequence = doc.get(SequencedWrites.SEQUENCE, Number.class);
        return new CandidateAt(toCandidate(doc, ratings.platform()), sequence == null ? -1 : sequence.longValue());
    }

    /** See {@link #candidate(String)}. */
    public record CandidateAt(WorkerCandidate candidate, long sequence) {
    }

    /** Workers not suspended, with every one of {@code skills}, whose home lies in {@code area}. */
    public List<WorkerCandidate> candidates(List<String> skills, BoundingBox area) {
        RevealedRatings.Totals platform = ratings.platform();
        return profiles.find(Filters.and(
                        Filters.all("skills", skills),
                        Filters.ne("suspended", true),
                        Filters.gte("home.lat", area.minLat()), Filters.lte("home.lat", area.maxLat()),
                        Filters.gte("home.lng", area.minLng()), Filters.lte("home.lng", area.maxLng())))
                .map(doc -> toCandidate(doc, platform))
                .into(new ArrayList<>());
    }

    /**
     * Counts a finished shift for its worker, once per job: the job's own document says it was counted
     * (so a redelivery changes nothing), and the worker's recent shifts refuse a job they already hold
     * (in case the first delivery stopped between the two writes). Kept sorted by when each job finished,
     * the last shifts are the same whatever order the jobs' events are processed in.
     */
    private void finish(String jobId, String workerId, Outcome outcome, long sequence, Instant at) {
        Document shift = SequencedWrites.find(shifts, jobId);
        if (shift != null && shift.containsKey("outcome")) {
            return;
        }
        boolean late = shift != null && shift.getBoolean("late", false);
        // counted at once, the job's own document marked with the batch: a batch that fails after the count
        // comes again and finds the job among the worker's recent shifts, never counting it twice
        SequencedWrites.writeHeld(profiles);
        profiles.updateOne(Filters.eq("_id", workerId), Updates.setOnInsert("recentShifts", List.of()), UPSERT);
        Document finished = new Document("jobId", jobId).append("outcome", outcome.name()).append("late", late)
                .append("at", Date.from(at));
        profiles.updateOne(Filters.and(Filters.eq("_id", workerId), Filters.ne("recentShifts.jobId", jobId)), Updates.combine(
                Updates.inc(outcome == Outcome.COMPLETED ? "completedJobs" : "noShows", 1),
                Updates.pushEach("recentShifts", List.of(finished), new PushOptions()
                        .sortDocument(Sorts.ascending("at", "jobId")).slice(-ReliabilityPolicy.RECENT_SHIFTS))));
        SequencedWrites.batch(shifts, jobId, sequence, Updates.combine(
                Updates.set("workerId", workerId), Updates.set("outcome", outcome.name())));
    }

    private static Document window(AvailabilityWindow window) {
        return new Document("dayOfWeek", window.dayOfWeek().name())
                .append("from", window.from().toString())
                .append("to", window.to().toString());
    }

    private WorkerCandidate toCandidate(Document doc, RevealedRatings.Totals platform) {
        Document home = doc.get("home", Document.class);
        RevealedRatings.Totals rating = RevealedRatings.Totals.of(doc, "ratingCount", "ratingSum");
        Date lastOnlineAt = doc.getDate("lastOnlineAt");
        return new WorkerCandidate(
                doc.getString("_id"),
                doc.getString("fullName"),
                doc.getList("skills", String.class, List.of()),
                home == null ? null : new GeoPoint(home.getDouble("lat"), home.getDouble("lng")),
                doc.getList("availability", Document.class, List.of()).stream()
                        .map(w -> new AvailabilityWindow(DayOfWeek.valueOf(w.getString("dayOfWeek")),
                                LocalTime.parse(w.getString("from")), LocalTime.parse(w.getString("to"))))
                        .toList(),
                doc.getBoolean("premium", false),
                rating.average(),
                rating.bayesian(bayesian, platform),
                (int) rating.count(),
                reliability(doc).score(),
                doc.getBoolean("phoneVerified", false),
                lastOnlineAt == null ? null : lastOnlineAt.toInstant(),
                doc.getBoolean("suspended", false));
    }

    private WorkerProfileView toView(Document doc, RevealedRatings.Totals platform) {
        RevealedRatings.Totals rating = RevealedRatings.Totals.of(doc, "ratingCount", "ratingSum");
        Date lastOnlineAt = doc.getDate("lastOnlineAt");
        return new WorkerProfileView(
                doc.getString("_id"),
                doc.getString("fullName"),
                doc.getList("skills", String.class, List.of()),
                doc.getString("bio"),
                rating.average(),
                rating.bayesian(bayesian, platform),
                (int) rating.count(),
                doc.getInteger("completedJobs", 0),
                doc.getInteger("noShows", 0),
                reliability(doc),
                doc.getList("badges", String.class, List.of()),
                doc.getBoolean("premium", false),
                doc.getDate("premiumUntil") == null ? null : doc.getDate("premiumUntil").toInstant(),
                lastOnlineAt == null ? null : lastOnlineAt.toInstant());
    }

    private static Reliability reliability(Document doc) {
        return ReliabilityPolicy.of(doc.getList("recentShifts", Document.class, List.of()).stream()
                .map(shift -> new FinishedShift(shift.getString("jobId"), Outcome.valueOf(shift.getString("outcome")),
                        shift.getBoolean("late", false)))
                .toList());
    }
}
