package dev.gigstream.query.location;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.gigstream.messages.common.GeoPoint;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Compliance signals drawn from live locations, kept for an admin to review ({@code location_signals}:
 * type, workerId, jobId, evidence, at). A signal is a hint, never a verdict; its {@link Listener}s
 * (the compliance rules) hear of it as it is recorded. Each has an id derived from what caused it, so
 * recording it again (a redelivered event) changes nothing, and the listeners hear the same id again.
 */
@Component
public class LocationSignals {

    static final String COLLECTION = "location_signals";

    public enum Type {
        /** Two consecutive pings of a worker further apart than {@link SpeedPolicy} finds plausible. */
        IMPLAUSIBLE_SPEED,
        /** A check-in far from where the worker's last ping before it placed them ({@link CheckInWatch}). */
        CHECK_IN_FAR_FROM_PINGS
    }

    public record Signal(Type type, String workerId, String jobId, Map<String, Object> evidence, Instant at) {
    }

    /** A signal as recorded: its id, and the ids of the events that caused it (none for pings, which are not events). */
    public record Recorded(String signalId, Signal signal, List<String> eventIds) {
    }

    /** Hears of every signal recorded, on the thread that recorded it; a failure fails the recording's caller. */
    public interface Listener {

        void recorded(Recorded recorded);
    }

    private final MongoCollection<Document> signals;
    private final Supplier<List<Listener>> listeners;

    public LocationSignals(MongoDatabase readModels) {
        this(readModels, List.of());
    }

    public LocationSignals(MongoDatabase readModels, List<Listener> listeners) {
        this(readModels, () -> listeners);
    }

    /** Listeners are looked up when a signal is recorded, so a listener may depend on anything. */
    @Autowired
    public LocationSignals(MongoDatabase readModels, ObjectProvider<Listener> listeners) {
        this(readModels, () -> listeners.orderedStream().toList());
    }

    private LocationSignals(MongoDatabase readModels, Supplier<List<Listener>> listeners) {
        this.listeners = listeners;
        this.signals = readModels.getCollection(COLLECTION);
        signals.createIndex(Indexes.compoundIndex(Indexes.ascending("workerId"), Indexes.descending("at")));
        signals.createIndex(Indexes.compoundIndex(Indexes.ascending("type"), Indexes.descending("at")));
    }

    void implausibleSpeed(LocationPing from, LocationPing to) {
        record(Type.IMPLAUSIBLE_SPEED + ":" + to.workerId() + ":" + to.at().toEpochMilli(), Type.IMPLAUSIBLE_SPEED,
                to.workerId(), to.jobId(), new Document("from", ping(from)).append("to", ping(to))
                        .append("distanceKm", round(from.point().distanceKmTo(to.point())))
                        .append("leastSpeedKmh", round(SpeedPolicy.impliedKmh(from, to)))
                        .append("thresholdKmh", SpeedPolicy.MAX_PLAUSIBLE_KMH), to.at(), List.of());
    }

    void farCheckIn(String workerId, String jobId, GeoPoint checkIn, Instant checkedInAt, LocationPing lastPing,
                    double distanceKm, String checkInEventId) {
        record(Type.CHECK_IN_FAR_FROM_PINGS + ":" + jobId + ":" + workerId, Type.CHECK_IN_FAR_FROM_PINGS, workerId, jobId,
                new Document("checkIn", new Document("lat", checkIn.lat()).append("lng", checkIn.lng())
                        .append("at", Date.from(checkedInAt)))
                        .append("lastPing", ping(lastPing))
                        .append("distanceKm", round(distanceKm))
                        .append("thresholdKm", CheckInWatch.MAX_DISTANCE_KM), checkedInAt,
                checkInEventId == null ? List.of() : List.of(checkInEventId));
    }

    /** A worker's signals, newest first. */
    public List<Signal> ofWorker(String workerId) {
        return signals.find(Filters.eq("workerId", workerId)).sort(Sorts.descending("at"))
                .map(doc -> new Signal(Type.valueOf(doc.getString("type")), doc.getString("workerId"), doc.getString("jobId"),
                        doc.get("evidence", Document.class), doc.getDate("at").toInstant()))
                .into(new ArrayList<>());
    }

    private void record(String id, Type type, String workerId, String jobId, Document evidence, Instant at,
                        List<String> eventIds) {
        signals.replaceOne(Filters.eq("_id", id), new Document("type", type.name())
                        .append("workerId", workerId)
                        .append("jobId", jobId)
                        .append("evidence", evidence)
                        .append("at", Date.from(at)),
                new ReplaceOptions().upsert(true));
        Recorded recorded = new Recorded(id, new Signal(type, workerId, jobId, evidence, at), eventIds);
        listeners.get().forEach(listener -> listener.recorded(recorded));
    }

    private static Document ping(LocationPing ping) {
        return LocationPings.document(ping);
    }

    private static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 1_000) / 1_000.0 : value;
    }
}
