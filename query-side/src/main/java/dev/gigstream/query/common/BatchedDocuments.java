package dev.gigstream.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Small documents that a projection's handlers both write and read, such as who the parties of a job
 * are: within a processor's batch each is read from MongoDB once and then kept as the batch changes
 * it, while the changes go out with the batch's other writes ({@link SequencedWrites#batchUnguarded}).
 * So a batch of many events about a few jobs reads each job once and writes it once, instead of
 * writing and reading it again for every event. Every write of the collection must go through
 * {@link #write}, or what is kept would miss it.
 */
public final class BatchedDocuments {

    private final MongoCollection<Document> collection;

    public BatchedDocuments(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /** The document {@code id} as the batch being handled has left it; null when there is none. */
    public Document find(String id) {
        Map<String, Optional<Document>> batch = batch();
        return batch == null ? load(id).orElse(null) : batch.computeIfAbsent(id, this::load).orElse(null);
    }

    /**
     * Writes {@code update} with the batch (inserting the document if {@code upsert}) and applies the
     * same change, {@code change}, to the document kept for the rest of the batch.
     */
    public void write(String id, Bson update, boolean upsert, Consumer<Document> change) {
        Map<String, Optional<Document>> batch = batch();
        if (batch != null) {
            Optional<Document> before = batch.computeIfAbsent(id, this::load);
            if (before.isPresent() || upsert) {
                Document after = new Document(before.orElseGet(() -> new Document("_id", id)));
                change.accept(after);
                batch.put(id, Optional.of(after));
            }
        }
        SequencedWrites.batchUnguarded(collection, id, update, upsert);
    }

    private Map<String, Optional<Document>> batch() {
        return BatchWrites.current().map(writes -> writes.<Map<String, Optional<Document>>>kept(this, HashMap::new)).orElse(null);
    }

    private Optional<Document> load(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first());
    }
}
