package dev.gigstream.api.messaging;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import dev.gigstream.api.storage.ReadModelProperties;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Where processors are, segment by segment, as every instance sees it: from the token stores, which
 * every instance writes after each batch, read without claiming anything; a processor whose segments
 * this instance holds all of is read from its memory instead (no other instance moves it). One read
 * per store answers all the processors asked about.
 */
class ProcessorTokens {

    private final Supplier<EventProcessingConfiguration> processing;
    private final MongoTemplate readModels;
    private final JdbcClient jdbc;
    private final Serializer serializer;

    ProcessorTokens(Supplier<EventProcessingConfiguration> processing, MongoClient readModelClient,
                    ReadModelProperties readModelProperties, JdbcClient jdbc, Serializer serializer) {
        this.processing = processing;
        this.readModels = DefaultMongoTemplate.builder().mongoDatabase(readModelClient, readModelProperties.database()).build();
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The tokens of each processor's segments (none yet for a processor that has not stored any). */
    Map<String, List<TrackingToken>> of(Set<String> processors) {
        Map<String, List<TrackingToken>> tokens = new HashMap<>();
        Set<String> inMongo = new TreeSet<>();
        Set<String> inDatabase = new TreeSet<>();
        for (String name : processors) {
            tokens.put(name, new ArrayList<>());
            var processor = processing.get().eventProcessor(name, StreamingEventProcessor.class);
            TokenStore store = unwrapped(processing.get().tokenStore(name));
            if (processor.isPresent() && (holdsWholeStream(processor.get()) || !(store instanceof MongoTokenStore
                    || store instanceof JdbcTokenStore))) {
                processor.get().processingStatus().values().stream().map(EventTrackerStatus::getTrackingToken)
                        .forEach(tokens.get(name)::add);
            } else if (store instanceof MongoTokenStore) {
                inMongo.add(name);
            } else {
                inDatabase.add(name);
            }
        }
        if (!inMongo.isEmpty()) {
            readModels.trackingTokensCollection()
                    .find(Filters.in("processorName", inMongo))
                    .projection(com.mongodb.client.model.Projections.include("processorName", "segment", "token", "tokenType"))
                    .forEach(document -> tokens.get(document.getString("processorName")).add(token(document)));
        }
        if (!inDatabase.isEmpty()) {
            jdbc.sql("SELECT processor_name, token, token_type FROM token_entry WHERE processor_name IN (:names)")
                .param("names", inDatabase)
                .query((row, number) -> Map.entry(row.getString("processor_name"),
                        new TokenRow(row.getBytes("token"), row.getString("token_type"))))
                .list()
                .forEach(entry -> tokens.get(entry.getKey()).add(entry.getValue().token(serializer)));
        }
        return tokens;
    }

    private TrackingToken token(Document document) {
        Binary data = document.get("token", Binary.class);
        return new TokenRow(data == null ? null : data.getData(), document.getString("tokenType")).token(serializer);
    }

    private static TokenStore unwrapped(TokenStore store) {
        return store instanceof FlushingTokenStore flushing ? flushing.delegate() : store;
    }

    /** Whether this instance holds every segment of the processor, so that no other instance moves it. */
    static boolean holdsWholeStream(StreamingEventProcessor processor) {
        double claimed = processor.processingStatus().values().stream()
                .mapToDouble(s -> 1.0 / (s.getSegment().getMask() + 1)).sum();
        return Math.abs(claimed - 1.0) < 1e-9;
    }

    private record TokenRow(byte[] data, String type) {

        TrackingToken token(Serializer serializer) {
            return data == null ? null
                    : new GenericTokenEntry<>(data, type, null, null, null, 0, byte[].class).getToken(serializer);
        }
    }
}
