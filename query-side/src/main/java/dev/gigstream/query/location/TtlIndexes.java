package dev.gigstream.query.location;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * TTL indexes whose lifetime is a setting: a changed setting changes the existing index (MongoDB
 * refuses to create the same key again with another {@code expireAfterSeconds}).
 */
final class TtlIndexes {

    private TtlIndexes() {
    }

    static void ensure(MongoDatabase database, MongoCollection<Document> collection, String field, Duration ttl) {
        long seconds = ttl.toSeconds();
        Document existing = null;
        for (Document index : collection.listIndexes()) {
            Document key = index.get("key", Document.class);
            if (key != null && key.size() == 1 && key.containsKey(field)) {
                existing = index;
            }
        }
        if (existing != null) {
            Number current = existing.get("expireAfterSeconds", Number.class);
            if (current != null && current.longValue() == seconds) {
                return;
            }
            try {
                database.runCommand(new Document("collMod", collection.getNamespace().getCollectionName())
                        .append("index", new Document("keyPattern", new Document(field, 1)).append("expireAfterSeconds", seconds)));
                return;
            } catch (MongoCommandException e) { // a server without collMod: build the index again
                collection.dropIndex(existing.getString("name"));
            }
        }
        collection.createIndex(Indexes.ascending(field), new IndexOptions().expireAfter(seconds, TimeUnit.SECONDS));
    }
}
