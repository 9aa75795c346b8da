package dev.gigstream.query.common;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Applies an aggregate's event to the document that mirrors it, at most once and in order: the
 * document remembers the sequence number of the last event applied, and an update carrying an equal
 * or older sequence number changes nothing. This is what makes a projection idempotent under
 * redelivery and replay.
 */
public final class SequencedWrites {

    public static final String SEQUENCE = "_sequence";

    private SequencedWrites() {
    }

    /**
     * Upserts {@code update} into the document {@code id} if it has not yet seen {@code sequence}.
     *
     * @return whether the document changed
     */
    public static boolean apply(MongoCollection<Document> collection, String id, long sequence, Bson update) {
        try {
            var result = collection.updateOne(
                    Filters.and(Filters.eq("_id", id), Filters.lt(SEQUENCE, sequence)),
                    Updates.combine(update, Updates.set(SEQUENCE, sequence)),
                    new UpdateOptions().upsert(true));
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false; // the document exists with this or a later sequence: already applied
            }
            throw e;
        }
    }
}
