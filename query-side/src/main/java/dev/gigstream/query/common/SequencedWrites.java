package dev.gigstream.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Applies an aggregate's event to the document that mirrors it, at most once and in order: the
 * document remembers the sequence number of the last event applied, and an event with an equal or
 * older sequence number changes nothing. This is what makes a projection idempotent under
 * redelivery and replay.
 * <p>
 * The check reads by {@code _id} and the write is by {@code _id}, so both use the primary-key index
 * on a real MongoDB and on the in-process server (which uses an index only for a filter on exactly
 * its keys). Check-then-write is safe because Axon hands one aggregate's events to one thread, in order.
 * <p>
 * {@link #apply} writes at once. {@link #batch} holds the write until the event processor's batch
 * commits and writes the batch's changes to a collection in one bulk write ({@link BatchWrites}), with
 * the same guard; a projection that batches reads its own documents in its handlers through
 * {@link #find}, which sees what the batch wrote so far.
 */
public final class SequencedWrites {

    public static final String SEQUENCE = "_sequence";

    private SequencedWrites() {
    }

    /**
     * Upserts {@code update} into the document {@code id} if it has not yet seen {@code sequence}. A
     * document that another aggregate's events created first has seen none of this aggregate's events.
     *
     * @return whether the event was applied
     */
    public static boolean apply(MongoCollection<Document> collection, String id, long sequence, Bson update) {
        return applyNow(collection, id, sequence, update);
    }

    /**
     * As {@link #apply}, but within an event processor's batch the write waits for the batch's commit
     * and goes out with the batch's other writes to {@code collection} in one bulk write. Outside a
     * batch (a dead letter retried alone, a test calling the handler) it is written at once.
     */
    public static void batch(MongoCollection<Document> collection, String id, long sequence, Bson update) {
        BatchWrites.current().ifPresentOrElse(writes -> writes.add(collection, id, sequence, update),
                () -> applyNow(collection, id, sequence, update));
    }

    /**
     * Inserts the document {@code id} with {@code setOnInsert} (only {@code $setOnInsert} fields) unless it
     * exists, and runs {@code onInserted} if this call inserted it, never when it was there already: a
     * redelivered event finds its document and does nothing more. Within a batch the insert goes out with
     * the batch's other writes to {@code collection}, and {@code onInserted} runs when it has, during the
     * batch's commit and before the token is stored.
     */
    public static void insertOnce(MongoCollection<Document> collection, String id, Bson setOnInsert, Runnable onInserted) {
        BatchWrites.current().ifPresentOrElse(writes -> writes.addUnguarded(collection, id, setOnInsert, true, onInserted),
                () -> BatchWrites.applyUnguardedNow(collection, id, setOnInsert, true, onInserted));
    }

    /**
     * Writes {@code update} to the document {@code id} (inserting it if {@code upsert}) with the batch, with
     * no sequence guard: for changes that are the same however often they are applied ({@code $set},
     * {@code $unset}) to documents that events of several aggregates write.
     */
    public static void batchUnguarded(MongoCollection<Document> collection, String id, Bson update, boolean upsert) {
        BatchWrites.current().ifPresentOrElse(writes -> writes.addUnguarded(collection, id, update, upsert, null),
                () -> BatchWrites.applyUnguardedNow(collection, id, update, upsert, null));
    }

    /**
     * Writes what the batch being handled holds for {@code collection} now, before a write that cannot
     * go through the batch (one filtered by more than {@code _id}, a counter whose guard lives in another
     * collection) so that it lands after them, as event by event. A failure here fails the batch at its commit.
     */
    public static void writeHeld(MongoCollection<Document> collection) {
        BatchWrites.current().ifPresent(writes -> writes.flushBeforeRead(collection));
    }

    /** The document {@code id} as the batch being handled has left it so far (its held writes written first). */
    public static Document find(MongoCollection<Document> collection, String id) {
        BatchWrites.current().ifPresent(writes -> writes.flushBeforeRead(collection));
        return collection.find(Filters.eq("_id", id)).first();
    }

    /** Writes the held writes of the batch being handled on this thread: its token store calls this first. */
    public static void flushCurrentBatch() {
        BatchWrites.flushCurrentBatch();
    }

    static boolean applyNow(MongoCollection<Document> collection, String id, long sequence, Bson update) {
        Document seen = collection.find(Filters.eq("_id", id)).projection(Projections.include(SEQUENCE)).first();
        Number last = seen == null ? null : seen.get(SEQUENCE, Number.class);
        if (last != null && last.longValue() >= sequence) {
            return false;
        }
        collection.updateOne(Filters.eq("_id", id), Updates.combine(update, Updates.set(SEQUENCE, sequence)),
                new UpdateOptions().upsert(true));
        return true;
    }
}
