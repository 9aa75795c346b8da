package dev.gigstream.query.common;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.bulk.BulkWriteUpsert;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The sequenced writes of one event processor's batch, held until the batch commits and then written
 * with one bulk write per collection: one read of the documents' sequence numbers ({@code _id $in}) and
 * one ordered {@code update} command (one per round when the batch writes a document more than once),
 * instead of a read and a write per event. The sequence guard is
 * the one {@link SequencedWrites} applies per event, applied in the batch's order. A write that is the
 * same however often it is applied needs no guard and no read; one that inserts a document once is told
 * when its bulk write reports the insert. The batch also keeps what a projection's handlers hold for its
 * length ({@link BatchedDocuments}).
 * <p>
 * The writes are flushed before the processor stores its token ({@link #flushCurrentBatch()}, called by
 * the token store) and, for a processor whose token store does not call it, when the batch prepares
 * its commit. A handler that reads a document of its own collection flushes first
 * ({@link SequencedWrites#find}), so it sees what the batch wrote so far.
 * <p>
 * A flush that fails fails the whole batch: nothing of it counts (the token stays where it was; writes
 * that reached MongoDB before the failure are skipped by the guard when the batch comes again), and
 * the collection is written event by event until a batch commits. So the batch's retry writes each
 * event inside its own handler, and the one event whose write fails is parked alone, as it would have
 * been without batching. A flush that fails when a handler reads does not fail that handler (its event
 * did nothing wrong): the batch fails when it tries to commit.
 */
final class BatchWrites {

    private static final String RESOURCE = BatchWrites.class.getName();
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final UpdateOptions PLAIN = new UpdateOptions();
    /** The sequence of a write that is not guarded by one: it is sent whatever the document has seen. */
    private static final long UNGUARDED = -1;

    /** Collections written event by event until a batch commits, after a flush of theirs failed. */
    private static final Set<MongoNamespace> WRITE_THROUGH = ConcurrentHashMap.newKeySet();

    private final Map<MongoNamespace, Pending> pending = new LinkedHashMap<>();
    private final Set<MongoNamespace> wroteThrough = new HashSet<>();
    private final Map<Object, Object> kept = new HashMap<>();
    private RuntimeException failed;

    private BatchWrites() {
    }

    /** The writes of the processor's batch being handled on this thread; empty outside one. */
    static Optional<BatchWrites> current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (!(root instanceof BatchingUnitOfWork<?>)) {
            return Optional.empty(); // a dead letter retried alone, a command's unit of work: written at once
        }
        return Optional.of(root.getOrComputeResource(RESOURCE, key -> {
            BatchWrites writes = new BatchWrites();
            root.onPrepareCommit(unitOfWork -> writes.flushAll());
            root.afterCommit(unitOfWork -> WRITE_THROUGH.removeAll(writes.wroteThrough));
            return writes;
        }));
    }

    /** Writes the pending changes of the batch being handled on this thread; nothing outside a batch. */
    static void flushCurrentBatch() {
        if (CurrentUnitOfWork.isStarted()) {
            BatchWrites writes = CurrentUnitOfWork.get().root().getResource(RESOURCE);
            if (writes != null) {
                writes.flushAll();
            }
        }
    }

    /** What {@code owner} keeps for the length of this batch, made by {@code create} at the first ask. */
    @SuppressWarnings("unchecked")
    <T> T kept(Object owner, Supplier<T> create) {
        return (T) kept.computeIfAbsent(owner, key -> create.get());
    }

    /** Holds the write for the batch's commit, or writes it now while the collection writes through. */
    void add(MongoCollection<Document> collection, String id, long sequence, Bson update) {
        add(collection, new Write(id, sequence, update, true, null));
    }

    /**
     * Holds a write that needs no sequence guard (it changes nothing when repeated, such as an upsert of
     * {@code $setOnInsert} fields or a {@code $set}); {@code onInserted}, if any, runs once the write has
     * inserted the document, and not when the document was there already.
     */
    void addUnguarded(MongoCollection<Document> collection, String id, Bson update, boolean upsert, Runnable onInserted) {
        add(collection, new Write(id, UNGUARDED, update, upsert, onInserted));
    }

    /** A write with no sequence guard, written at once: outside a batch. */
    static void applyUnguardedNow(MongoCollection<Document> collection, String id, Bson update, boolean upsert, Runnable onInserted) {
        new Write(id, UNGUARDED, update, upsert, onInserted).applyNow(collection);
    }

    private void add(MongoCollection<Document> collection, Write write) {
        if (failed != null) {
            return; // the batch fails at its commit and comes again: nothing of it may be written now
        }
        MongoNamespace namespace = collection.getNamespace();
        // decided once per collection and batch, so that one document's writes never overtake each other
        if (wroteThrough.contains(namespace) || (!pending.containsKey(namespace) && WRITE_THROUGH.contains(namespace))) {
            wroteThrough.add(namespace);
            write.applyNow(collection);
            return;
        }
        pending.computeIfAbsent(namespace, key -> new Pending(collection)).writes.add(write);
    }

    /** Writes the collection's pending changes so that a handler can read them; a failure waits for the commit. */
    void flushBeforeRead(MongoCollection<Document> collection) {
        Pending writes = pending.get(collection.getNamespace());
        if (failed == null && writes != null) {
            try {
                writes.flush();
            } catch (RuntimeException e) {
                fail(collection.getNamespace(), e);
            }
        }
    }

    private void flushAll() {
        if (failed != null) {
            throw failed;
        }
        for (var entry : pending.entrySet()) {
            try {
                entry.getValue().flush();
            } catch (RuntimeException e) {
                fail(entry.getKey(), e);
                throw e;
            }
        }
    }

    private void fail(MongoNamespace namespace, RuntimeException e) {
        failed = e;
        WRITE_THROUGH.add(namespace);
    }

    private record Write(String id, long sequence, Bson update, boolean upsert, Runnable onInserted) {

        boolean guarded() {
            return sequence != UNGUARDED;
        }

        Bson change() {
            return guarded() ? Updates.combine(update, Updates.set(SequencedWrites.SEQUENCE, sequence)) : update;
        }

        void applyNow(MongoCollection<Document> collection) {
            if (guarded()) {
                SequencedWrites.applyNow(collection, id, sequence, update);
                return;
            }
            var result = collection.updateOne(Filters.eq("_id", id), update, new UpdateOptions().upsert(upsert));
            if (result.getUpsertedId() != null && onInserted != null) {
                onInserted.run();
            }
        }
    }

    private static final class Pending {

        private final MongoCollection<Document> collection;
        private List<Write> writes = new ArrayList<>();

        private Pending(MongoCollection<Document> collection) {
            this.collection = collection;
        }

        /**
         * One read of the sequence numbers seen, then the writes they have not seen as ordered bulk
         * writes: one, unless the batch writes a document more than once, then one per round, a round
         * holding at most one write of each document (its first, then its second, ...). A round is sent
         * only when the one before it succeeded, so no write of a document lands past one of its
         * writes that failed, also on a server that goes on after an error in an ordered bulk write
         * (the in-process one does). Every write is by {@code _id} alone, the only filter the in-process
         * server answers from its index.
         */
        private void flush() {
            if (writes.isEmpty()) {
                return;
            }
            List<Write> batch = writes;
            writes = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            batch.stream().filter(Write::guarded).forEach(write -> ids.add(write.id()));
            Map<String, Long> seen = new HashMap<>();
            if (!ids.isEmpty()) {
                for (Document doc : collection.find(Filters.in("_id", ids)).projection(Projections.include(SequencedWrites.SEQUENCE))) {
                    Number last = doc.get(SequencedWrites.SEQUENCE, Number.class);
                    if (last != null) {
                        seen.put(String.valueOf(doc.get("_id")), last.longValue());
                    }
                }
            }
            List<List<Write>> rounds = new ArrayList<>();
            Map<String, Integer> writesOf = new HashMap<>();
            for (Write write : batch) {
                if (write.guarded()) {
                    Long last = seen.get(write.id());
                    if (last != null && last >= write.sequence()) {
                        continue;
                    }
                    seen.put(write.id(), write.sequence());
                }
                int round = writesOf.merge(write.id(), 1, Integer::sum) - 1;
                if (round == rounds.size()) {
                    rounds.add(new ArrayList<>());
                }
                rounds.get(round).add(write);
            }
            for (List<Write> round : rounds) {
                List<WriteModel<Document>> models = new ArrayList<>(round.size());
                round.forEach(write -> models.add(new UpdateOneModel<>(Filters.eq("_id", write.id()), write.change(),
                        write.upsert() ? UPSERT : PLAIN)));
                BulkWriteResult result = collection.bulkWrite(models, new BulkWriteOptions().ordered(true));
                for (BulkWriteUpsert inserted : result.getUpserts()) {
                    Runnable onInserted = round.get(inserted.getIndex()).onInserted();
                    if (onInserted != null) {
                        onInserted.run();
                    }
                }
            }
        }
    }
}
