package dev.gigstream.query.location;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.query.common.ExpiredDocuments;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The live locations hired workers send during their shifts. Not events: personal, frequent and to
 * be forgotten, they live in the read-model store only, for {@code gigstream.retention.location-pings}
 * (30 days) after they were taken:
 * <ul>
 * <li>{@code location_pings}: every accepted ping, for the compliance checks and their evidence;</li>
 * <li>{@code location_latest}: the latest ping of each job, read by its {@code _id} (the job) for the
 * job's parties and its share links;</li>
 * <li>{@code location_trackers}: per worker ({@code _id}) the time and place of the last accepted ping;
 * the rate of {@link PingRate} is enforced on it by one conditional {@code findOneAndUpdate}, so it
 * holds across any number of application instances.</li>
 * </ul>
 * All three have a TTL index on their time. The retention sweep removes the same documents with
 * {@link #deleteBatchBefore} on any server (the in-process MongoDB server ignores TTL indexes).
 */
@Component
public class LocationPings {

    static final String PINGS = "location_pings";
    static final String LATEST = "location_latest";
    static final String TRACKERS = "location_trackers";
    private static final String LAST_ACCEPTED_AT = "lastAcceptedAt";
    private static final String LAST = "last";

    private final MongoCollection<Document> pings;
    private final MongoCollection<Document> latest;
    private final MongoCollection<Document> trackers;

    public LocationPings(MongoDatabase readModels, @Value("${gigstream.retention.location-pings:30d}") Duration retention) {
        this.pings = readModels.getCollection(PINGS);
        this.latest = readModels.getCollection(LATEST);
        this.trackers = readModels.getCollection(TRACKERS);
        TtlIndexes.ensure(readModels, pings, "at", retention);
        TtlIndexes.ensure(readModels, latest, "at", retention);
        TtlIndexes.ensure(readModels, trackers, LAST_ACCEPTED_AT, retention);
        pings.createIndex(Indexes.compoundIndex(Indexes.ascending("workerId"), Indexes.descending("at")));
        pings.createIndex(Indexes.compoundIndex(Indexes.ascending("jobId"), Indexes.descending("at")));
    }

    /** What became of a ping: stored (with the worker's previous ping, if any), or refused as too soon. */
    public sealed interface Acceptance {

        record Accepted(Optional<LocationPing> previous) implements Acceptance {
        }

        record TooSoon(long retryAfterSeconds) implements Acceptance {
        }
    }

    /**
     * Stores the ping if the worker's last accepted ping is at least {@link PingRate#MIN_INTERVAL} older.
     * The check and the claim are one atomic update of the worker's tracker; of two pings racing on two
     * instances exactly one passes.
     */
    public Acceptance accept(LocationPing ping) {
        for (int attempt = 0; attempt < 3; attempt++) {
            ensureTracker(ping);
            Document before = trackers.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", ping.workerId()),
                            Filters.lte(LAST_ACCEPTED_AT, Date.from(PingRate.lastAcceptedNoLaterThan(ping.at())))),
                    Updates.combine(Updates.set(LAST_ACCEPTED_AT, Date.from(ping.at())), Updates.set(LAST, document(ping))),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
            if (before != null) {
                pings.insertOne(document(ping));
                latest.replaceOne(Filters.eq("_id", ping.jobId()), document(ping), new ReplaceOptions().upsert(true));
                return new Acceptance.Accepted(Optional.ofNullable(before.get(LAST, Document.class)).map(LocationPings::ping));
            }
            Document tracker = trackers.find(Filters.eq("_id", ping.workerId())).first();
            if (tracker != null) {
                return new Acceptance.TooSoon(PingRate.retryAfterSeconds(tracker.getDate(LAST_ACCEPTED_AT).toInstant(), ping.at()));
            }
            // the tracker was purged between the two steps: start again
        }
        throw new IllegalStateException("Could not take a ping of worker " + ping.workerId());
    }

    /** A worker's first tracker lets the ping pass (and is not old enough for the TTL index to remove). */
    private void ensureTracker(LocationPing ping) {
        try {
            trackers.updateOne(Filters.eq("_id", ping.workerId()),
                    Updates.setOnInsert(LAST_ACCEPTED_AT, Date.from(PingRate.lastAcceptedNoLaterThan(ping.at()))),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) { // another request created it at the same moment
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** The latest ping the worker sent for the job, if any is left. */
    public Optional<LocationPing> latest(String jobId, String workerId) {
        return Optional.ofNullable(latest.find(Filters.eq("_id", jobId)).first())
                .map(LocationPings::ping)
                .filter(ping -> ping.workerId().equals(workerId));
    }

    /** The worker's latest ping taken from {@code from} to {@code to} (both included), for any job. */
    public Optional<LocationPing> lastOfWorkerBetween(String workerId, Instant from, Instant to) {
        return Optional.ofNullable(pings.find(Filters.and(Filters.eq("workerId", workerId),
                        Filters.gte("at", Date.from(from)), Filters.lte("at", Date.from(to))))
                .sort(Sorts.descending("at")).limit(1).first())
                .map(LocationPings::ping);
    }

    /**
     * Deletes, a batch of each collection at a time, pings taken before {@code cutoff}, the jobs' latest
     * pings taken before it and the trackers of workers whose last ping was; returns how many.
     */
    public long deleteBatchBefore(Instant cutoff, int batch) {
        Date before = Date.from(cutoff);
        return ExpiredDocuments.deleteBatch(pings, Filters.lt("at", before), batch)
                + ExpiredDocuments.deleteBatch(latest, Filters.lt("at", before), batch)
                + ExpiredDocuments.deleteBatch(trackers, Filters.lt(LAST_ACCEPTED_AT, before), batch);
    }

    static Document document(LocationPing ping) {
        Document doc = new Document("workerId", ping.workerId())
                .append("jobId", ping.jobId())
                .append("lat", ping.point().lat())
                .append("lng", ping.point().lng());
        if (ping.accuracyM() != null) {
            doc.append("accuracyM", ping.accuracyM());
        }
        return doc.append("at", Date.from(ping.at()));
    }

    static LocationPing ping(Document doc) {
        Number accuracy = doc.get("accuracyM", Number.class);
        return new LocationPing(doc.getString("workerId"), doc.getString("jobId"),
                new GeoPoint(doc.get("lat", Number.class).doubleValue(), doc.get("lng", Number.class).doubleValue()),
                accuracy == null ? null : accuracy.doubleValue(), doc.getDate("at").toInstant());
    }
}
