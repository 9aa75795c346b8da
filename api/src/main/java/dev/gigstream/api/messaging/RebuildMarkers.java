package dev.gigstream.api.messaging;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The read models whose rebuild has started and not been handed back yet, next to the read models
 * themselves: a rebuild lives in one instance's memory, and when that instance stops before the
 * hand-over, the read model is left half rebuilt while its shared processor has moved past the events
 * it skipped. Whichever instance then holds the processor starts the rebuild again.
 */
@Component
class RebuildMarkers {

    static final String COLLECTION = "read_model_rebuilds";

    private final MongoCollection<Document> markers;

    RebuildMarkers(MongoDatabase readModels) {
        this.markers = readModels.getCollection(COLLECTION);
    }

    void started(String group) {
        markers.replaceOne(Filters.eq("_id", group), new Document("_id", group).append("startedAt", Instant.now().toString()),
                new ReplaceOptions().upsert(true));
    }

    void handedOver(String group) {
        markers.deleteOne(Filters.eq("_id", group));
    }

    List<String> unfinished() {
        List<String> groups = new ArrayList<>();
        for (Document marker : markers.find()) {
            groups.add(marker.getString("_id"));
        }
        return groups;
    }
}
