package dev.gigstream.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import dev.gigstream.query.testsupport.Batches;
import dev.gigstream.query.testsupport.MongoBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.gigstream.query.testsupport.Batches.inOneBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a batch does when one of its writes fails at the commit, and how its retry parks only that event. */
class BatchWritesTest {

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    private final Batches.CommandLog log = new Batches.CommandLog();

    /** An event of aggregate {@code id}: its update, or one MongoDB refuses ($inc of a text). */
    private record Event(String id, long sequence, Bson update) {
    }

    private static Event good(String id, long sequence) {
        return new Event(id, sequence, Updates.push("seen", sequence));
    }

    private static Event bad(String id, long sequence) {
        return new Event(id, sequence, Updates.inc("name", 1));
    }

    /** A handler as the dead-lettering invoker calls it: a failure parks the event and the batch goes on. */
    private static void handle(MongoCollection<Document> collection, List<Event> events, List<Event> parked) {
        for (Event event : events) {
            try {
                SequencedWrites.batch(collection, event.id(), event.sequence(), event.update());
            } catch (RuntimeException e) {
                parked.add(event);
            }
        }
    }

    private static List<Long> seen(MongoCollection<Document> collection, String id) {
        Document doc = collection.find(new Document("_id", id)).first();
        return doc == null ? List.of() : doc.getList("seen", Long.class, List.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aWriteThatFailsAtTheCommitFailsTheBatchAndItsRetryParksOnlyThatEvent(MongoBackend backend) {
        MongoCollection<Document> collection = log.client(backend)
                .getDatabase("test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).getCollection("docs");
        collection.insertOne(new Document("_id", "b").append("name", "text"));
        List<Event> batch = List.of(good("a", 0), good("a", 1), bad("b", 0), good("b", 1), good("c", 0), good("a", 2));
        List<Event> parked = new ArrayList<>();

        assertThatThrownBy(() -> inOneBatch(() -> handle(collection, batch, parked)))
                .as("the commit fails, so the processor keeps its token and retries the batch");
        assertThat(parked).as("no handler failed: the failure belongs to no one event yet").isEmpty();
        assertThat(seen(collection, "b")).as("no later write of b overtakes the one that failed").isEmpty();

        inOneBatch(() -> handle(collection, batch, parked));

        assertThat(parked).containsExactly(bad("b", 0)); // (the dead-letter queue would then hold b's later events too)
        assertThat(seen(collection, "a")).containsExactly(0L, 1L, 2L);
        assertThat(seen(collection, "c")).containsExactly(0L);
        assertThat(collection.find(new Document("_id", "b")).first().getString("name")).isEqualTo("text");

        log.take();
        inOneBatch(() -> handle(collection, List.of(good("a", 3), good("d", 0)), parked));
        assertThat(log.take()).as("once a batch has committed, the collection is written in bulk again")
                .containsExactly("find docs", "update docs");
        assertThat(seen(collection, "a")).containsExactly(0L, 1L, 2L, 3L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aReadThatFlushesAFailingWriteFailsTheBatchNotTheReader(MongoBackend backend) {
        MongoCollection<Document> collection = backend.freshDatabase().getCollection("docs");
        collection.insertOne(new Document("_id", "b").append("name", "text"));
        List<Event> parked = new ArrayList<>();

        assertThatThrownBy(() -> inOneBatch(() -> {
            handle(collection, List.of(bad("b", 0), good("a", 0)), parked);
            assertThat(SequencedWrites.find(collection, "b")).isNotNull(); // the reader goes on
            handle(collection, List.of(good("a", 1)), parked);
        }));

        assertThat(parked).isEmpty();
        // what the failed bulk write held may or may not have reached MongoDB (the in-process server goes on
        // after an error in an ordered write); the guard skips it on the retry. Nothing held after the failure is written.
        assertThat(seen(collection, "a")).doesNotContain(1L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aDocumentInsertedOnceIsReportedOnceThoughItsBatchFailsAndComesAgain(MongoBackend backend) {
        var readModels = backend.freshDatabase();
        MongoCollection<Document> notes = readModels.getCollection("notes");
        MongoCollection<Document> docs = readModels.getCollection("docs");
        docs.insertOne(new Document("_id", "b").append("name", "text"));
        List<String> inserted = new ArrayList<>();
        List<Event> parked = new ArrayList<>();
        Runnable handlers = () -> {
            for (String id : List.of("n1", "n2", "n1")) { // n1 delivered twice in the batch
                SequencedWrites.insertOnce(notes, id, Updates.setOnInsert("text", "note " + id), () -> inserted.add(id));
            }
            handle(docs, List.of(bad("b", 0)), parked);
        };

        assertThatThrownBy(() -> inOneBatch(handlers)).as("the other collection's write fails the shared batch");
        inOneBatch(handlers);

        assertThat(inserted).containsExactly("n1", "n2");
        assertThat(parked).containsExactly(bad("b", 0));
        assertThat(notes.find().into(new ArrayList<>())).extracting(doc -> doc.getString("text"))
                .containsExactlyInAnyOrder("note n1", "note n2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void outsideABatchEachWriteGoesOutAtOnce(MongoBackend backend) {
        MongoCollection<Document> collection = backend.freshDatabase().getCollection("docs");

        SequencedWrites.batch(collection, "a", 0, Updates.push("seen", 0L));
        SequencedWrites.batch(collection, "a", 0, Updates.push("seen", 0L));

        assertThat(seen(collection, "a")).containsExactly(0L);
    }
}
