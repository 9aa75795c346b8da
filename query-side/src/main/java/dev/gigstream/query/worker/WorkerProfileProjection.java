package dev.gigstream.query.worker;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import dev.gigstream.messages.common.BoundingBox;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.worker.AvailabilityWindow;
import dev.gigstream.messages.worker.FindWorkerProfile;
import dev.gigstream.messages.worker.PremiumEnded;
import dev.gigstream.messages.worker.PremiumStarted;
import dev.gigstream.messages.worker.WorkerProfileUpdated;
import dev.gigstream.messages.worker.WorkerProfileView;
import dev.gigstream.messages.worker.WorkerRegistered;
import dev.gigstream.messages.worker.WorkerReinstated;
import dev.gigstream.messages.worker.WorkerSuspended;
import dev.gigstream.messages.worker.WorkerWentOnline;
import dev.gigstream.query.common.SequencedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Worker profiles, one document per worker in {@code worker_profiles}: the public profile, and what
 * ranking and matching need (home, availability, presence, standing) through {@link #candidates}.
 */
@Component
@ProcessingGroup(WorkerProfileProjection.NAME)
public class WorkerProfileProjection {

    public static final String NAME = "worker-profiles";
    static final String COLLECTION = "worker_profiles";

    private final MongoCollection<Document> profiles;

    public WorkerProfileProjection(MongoDatabase readModels) {
        this.profiles = readModels.getCollection(COLLECTION);
        // matching narrows by area first; a real MongoDB uses this index, the in-process server scans
        profiles.createIndex(Indexes.ascending("home.lat", "home.lng"));
        profiles.createIndex(Indexes.ascending("skills"));
    }

    @EventHandler
    void on(WorkerRegistered event, @SequenceNumber long sequence) {
        SequencedWrites.apply(profiles, event.workerId(), sequence, Updates.combine(
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
        SequencedWrites.apply(profiles, event.workerId(), sequence, Updates.combine(
                Updates.set("skills", event.skills()),
                Updates.set("bio", event.bio()),
                Updates.set("home", new Document("lat", event.home().lat()).append("lng", event.home().lng())),
                Updates.set("availability", event.availability().stream().map(WorkerProfileProjection::window).toList())));
    }

    @EventHandler
    void on(WorkerWentOnline event, @SequenceNumber long sequence) {
        SequencedWrites.apply(profiles, event.workerId(), sequence, Updates.set("lastOnlineAt", Date.from(event.at())));
    }

    @EventHandler
    void on(PremiumStarted event, @SequenceNumber long sequence) {
        SequencedWrites.apply(profiles, event.workerId(), sequence, Updates.set("premium", true));
    }

    @EventHandler
    void on(PremiumEnded event, @SequenceNumber long sequence) {
        SequencedWrites.apply(profiles, event.workerId(), sequence, Updates.set("premium", false));
    }

    @EventHandler
    void on(WorkerSuspended event, @SequenceNumber long sequence) {
        SequencedWrites.apply(profiles, event.workerId(), sequence, Updates.set("suspended", true));
    }

    @EventHandler
    void on(WorkerReinstated event, @SequenceNumber long sequence) {
        SequencedWrites.apply(profiles, event.workerId(), sequence, Updates.set("suspended", false));
    }

    @ResetHandler
    void reset() {
        profiles.deleteMany(new Document());
    }

    @QueryHandler
    Optional<WorkerProfileView> handle(FindWorkerProfile query) {
        return Optional.ofNullable(profiles.find(Filters.eq("_id", query.workerId())).first()).map(this::toView);
    }

    /** The workers with these ids, in no particular order; unknown ids are left out. */
    public List<WorkerCandidate> candidates(Collection<String> workerIds) {
        return profiles.find(Filters.in("_id", workerIds)).map(WorkerProfileProjection::toCandidate)
                .into(new ArrayList<>());
    }

    /** Workers not suspended, with every one of {@code skills}, whose home lies in {@code area}. */
    public List<WorkerCandidate> candidates(List<String> skills, BoundingBox area) {
        return profiles.find(Filters.and(
                        Filters.all("skills", skills),
                        Filters.ne("suspended", true),
                        Filters.gte("home.lat", area.minLat()), Filters.lte("home.lat", area.maxLat()),
                        Filters.gte("home.lng", area.minLng()), Filters.lte("home.lng", area.maxLng())))
                .map(WorkerProfileProjection::toCandidate)
                .into(new ArrayList<>());
    }

    private static Document window(AvailabilityWindow window) {
        return new Document("dayOfWeek", window.dayOfWeek().name())
                .append("from", window.from().toString())
                .append("to", window.to().toString());
    }

    private static WorkerCandidate toCandidate(Document doc) {
        Document home = doc.get("home", Document.class);
        Number ratingAverage = doc.get("ratingAverage", Number.class);
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
                ratingAverage == null ? null : ratingAverage.doubleValue(),
                doc.getInteger("ratingCount", 0),
                lastOnlineAt == null ? null : lastOnlineAt.toInstant(),
                doc.getBoolean("suspended", false));
    }

    private WorkerProfileView toView(Document doc) {
        Number ratingAverage = doc.get("ratingAverage", Number.class);
        Date lastOnlineAt = doc.getDate("lastOnlineAt");
        return new WorkerProfileView(
                doc.getString("_id"),
                doc.getString("fullName"),
                doc.getList("skills", String.class, List.of()),
                doc.getString("bio"),
                ratingAverage == null ? null : ratingAverage.doubleValue(),
                doc.getInteger("ratingCount", 0),
                doc.getInteger("completedJobs", 0),
                doc.getInteger("noShows", 0),
                doc.getList("badges", String.class, List.of()),
                doc.getBoolean("premium", false),
                lastOnlineAt == null ? null : lastOnlineAt.toInstant());
    }
}
