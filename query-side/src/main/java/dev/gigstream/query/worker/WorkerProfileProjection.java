package dev.gigstream.query.worker;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.gigstream.messages.worker.FindWorkerProfile;
import dev.gigstream.messages.worker.WorkerProfileUpdated;
import dev.gigstream.messages.worker.WorkerProfileView;
import dev.gigstream.messages.worker.WorkerRegistered;
import dev.gigstream.query.common.SequencedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;
import java.util.Optional;

/** Public worker profiles, one document per worker in {@code worker_profiles}. */
@Component
@ProcessingGroup(WorkerProfileProjection.NAME)
public class WorkerProfileProjection {

    public static final String NAME = "worker-profiles";
    static final String COLLECTION = "worker_profiles";

    private final MongoCollection<Document> profiles;

    public WorkerProfileProjection(MongoDatabase readModels) {
        this.profiles = readModels.getCollection(COLLECTION);
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
                Updates.set("home", new Document("lat", event.home().lat()).append("lng", event.home().lng()))));
    }

    @ResetHandler
    void reset() {
        profiles.deleteMany(new Document());
    }

    @QueryHandler
    Optional<WorkerProfileView> handle(FindWorkerProfile query) {
        return Optional.ofNullable(profiles.find(Filters.eq("_id", query.workerId())).first()).map(this::toView);
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
