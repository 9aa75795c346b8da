package dev.gigstream.query.location;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.gigstream.messages.export.FindPersonalData;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;

/**
 * The location section of a data export ({@link FindPersonalData.Locations}): the safety links the worker
 * made (never their tokens: only the token's hash is held, and it is not exported) and the pings still
 * held (the retention sweep deletes them after {@code gigstream.retention.location-pings}).
 */
@Component
class LocationsExport {

    private final MongoCollection<Document> shares;
    private final MongoCollection<Document> pings;

    LocationsExport(MongoDatabase readModels) {
        this.shares = readModels.getCollection(LocationShares.COLLECTION);
        this.pings = readModels.getCollection(LocationPings.PINGS);
    }

    @QueryHandler
    FindPersonalData.Locations handle(FindPersonalData query) {
        return new FindPersonalData.Locations(
                shares.find(Filters.eq("workerId", query.userId())).sort(Sorts.ascending("createdAt", "shareId"))
                        .map(doc -> new FindPersonalData.Locations.Share(doc.getString("shareId"), doc.getString("jobId"),
                                instant(doc.getDate("createdAt")), instant(doc.getDate("expiresAt")),
                                instant(doc.getDate("revokedAt"))))
                        .into(new ArrayList<>()),
                pings.find(Filters.eq("workerId", query.userId())).sort(Sorts.ascending("at", "_id"))
                        .map(LocationPings::ping)
                        .map(ping -> new FindPersonalData.Locations.Ping(ping.jobId(), ping.point().lat(), ping.point().lng(),
                                ping.accuracyM(), ping.at()))
                        .into(new ArrayList<>()));
    }

    private static java.time.Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
