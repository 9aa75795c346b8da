package dev.gigstream.query.testsupport;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The MongoDB servers projection tests run against: the in-process wire-protocol server everywhere,
 * and a real {@code mongo} container wherever Docker runs. Without Docker the container variant of
 * each test is reported as skipped (aborted), never silently dropped. Servers start once per JVM;
 * every {@link #freshDatabase()} is a new, empty database.
 */
public final class MongoBackend {

    public static final String MONGO_IMAGE = "mongo:8.0";

    private static final MongoBackend IN_PROCESS = new MongoBackend("in-process mongo-java-server", MongoBackend::startInProcess);
    private static final MongoBackend CONTAINER = new MongoBackend("mongo container (" + MONGO_IMAGE + ")", MongoBackend::startContainer);

    private final String name;
    private final Supplier<String> starter;
    private String connectionString;

    private MongoBackend(String name, Supplier<String> starter) {
        this.name = name;
        this.starter = starter;
    }

    /** Argument source for {@code @ParameterizedTest @MethodSource}. */
    public static List<MongoBackend> all() {
        return List.of(IN_PROCESS, CONTAINER);
    }

    public static MongoBackend inProcess() {
        return IN_PROCESS;
    }

    /** The backend the application-level tests use: a container with Docker, else the in-process server. */
    public static MongoBackend preferred() {
        MongoBackend chosen = Docker.available() ? CONTAINER : IN_PROCESS;
        System.out.println("[gigstream-test] MongoDB read models: " + chosen.name
                + (Docker.available() ? "" : " (no Docker engine here, so no real mongo container)"));
        return chosen;
    }

    public synchronized String connectionString() {
        if (this == CONTAINER) {
            Assumptions.assumeTrue(Docker.available(),
                    "SKIPPED on " + name + ": no Docker engine on this machine; the in-process variant ran instead");
        }
        if (connectionString == null) {
            connectionString = starter.get();
        }
        return connectionString;
    }

    public MongoDatabase freshDatabase() {
        return client().getDatabase("test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    private MongoClient client;

    public synchronized MongoClient client() {
        if (client == null) {
            client = MongoClients.create(connectionString());
        }
        return client;
    }

    private static String startInProcess() {
        MongoServer server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        return uri;
    }

    private static String startContainer() {
        MongoDBContainer container = new MongoDBContainer(MONGO_IMAGE);
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return container.getReplicaSetUrl();
    }

    @Override
    public String toString() {
        return name;
    }

    /** Whether a Docker engine answers; asked once per JVM. */
    public static final class Docker {

        private static Boolean available;

        private Docker() {
        }

        public static synchronized boolean available() {
            if (available == null) {
                try {
                    available = DockerClientFactory.instance().isDockerAvailable();
                } catch (RuntimeException | LinkageError e) {
                    available = false;
                }
            }
            return available;
        }
    }
}
