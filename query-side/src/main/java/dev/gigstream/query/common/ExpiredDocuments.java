package dev.gigstream.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;

/**
 * Deletes the documents a retention rule no longer allows, a batch at a time: the ids of at most
 * {@code batch} matching documents, then those ids. A document deleted meanwhile by another instance
 * or a TTL index is simply not counted, so running it twice, or on two instances, deletes nothing twice.
 */
public final class ExpiredDocuments {

    private ExpiredDocuments() {
    }

    /** Deletes at most {@code batch} documents matching {@code expired}; returns how many. */
    public static long deleteBatch(MongoCollection<Document> collection, Bson expired, int batch) {
        List<Object> ids = collection.find(expired).projection(Projections.include("_id")).limit(batch)
                .map(doc -> doc.get("_id")).into(new ArrayList<>());
        return ids.isEmpty() ? 0 : collection.deleteMany(Filters.in("_id", ids)).getDeletedCount();
    }
}
