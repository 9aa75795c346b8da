package dev.gigstream.api.storage;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The MongoDB client the projections write through, and, when no MongoDB is configured, the
 * in-process wire-protocol server it talks to on a loopback port. Closing it stops both.
 */
public final class ReadModelStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadModelStore.class);

    private final MongoClient client;
    private final MongoServer inProcessServer;

    private ReadModelStore(MongoClient client, MongoServer inProcessServer) {
        this.client = client;
        this.inProcessServer = inProcessServer;
    }

    public static ReadModelStore open(ReadModelProperties properties, Path dataDir) {
        if (properties.external()) {
            log.info("Read models on MongoDB at {}", new ConnectionString(properties.uri()).getHosts());
            return new ReadModelStore(MongoClients.create(properties.uri()), null);
        }
        boolean inFile = properties.inProcessStorage() == ReadModelProperties.InProcessStorage.FILE;
        Path file = inFile ? fileIn(dataDir) : null;
        MongoServer server = new MongoServer(inFile ? new H2Backend(file.toString()) : new MemoryBackend());
        String connectionString = server.bindAndGetConnectionString();
        log.info("Read models on the in-process MongoDB server at {} ({})", connectionString,
                inFile ? "persisted in " + file : "in memory, rebuilt by replay at start");
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build());
        return new ReadModelStore(client, server);
    }

    private static Path fileIn(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create the data directory " + dataDir, e);
        }
        return dataDir.resolve("readmodels.mv");
    }

    public MongoClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        if (inProcessServer != null) {
            inProcessServer.shutdown();
        }
    }
}
