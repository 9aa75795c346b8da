package dev.gigstream.api.messaging;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.gigstream.api.storage.ReadModelProperties;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.GenericTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Where processors that this instance does not hold are, read from their token stores as another
 * instance stored them, every segment, without claiming any: MongoDB for read models, the database for
 * sagas.
 */
class ProcessorTokensTest {

    private final Serializer serializer = Jackson3Serializer.builder().build();
    private final MongoServer mongo = new MongoServer(new MemoryBackend());
    private final MongoClient mongoClient = MongoClients.create(mongo.bindAndGetConnectionString());
    private final JdbcDataSource database = new JdbcDataSource();
    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);

    ProcessorTokensTest() {
        database.setURL("jdbc:h2:mem:tokens-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    }

    @AfterEach
    void close() {
        mongoClient.close();
        mongo.shutdownNow();
    }

    @Test
    void readsEverySegmentOfReadModelsAndSagasAsAnotherInstanceStoredThem() throws Exception {
        var readModels = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(mongoClient, "gigstream").build())
                .serializer(serializer).nodeId("other-instance").claimTimeout(Duration.ofSeconds(10)).build();
        readModels.initializeTokenSegments("read-models-jobs", 2, GapAwareTrackingToken.newInstance(40, Set.of(38L)));
        ConnectionProvider connections = database::getConnection;
        var sagas = JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer)
                .nodeId("other-instance").schema(TokenSchema.builder().setTokenTable("token_entry")
                        .setProcessorNameColumn("processor_name").setSegmentColumn("segment").setTokenColumn("token")
                        .setTokenTypeColumn("token_type").setTimestampColumn("time_stamp").setOwnerColumn("owner").build())
                .build();
        sagas.createSchema(GenericTokenTableFactory.INSTANCE);
        NoTransactionManager.instance().executeInTransaction(
                () -> sagas.initializeTokenSegments("JobLifecycleSagaProcessor", 4, GapAwareTrackingToken.newInstance(41, Set.of())));
        sagas.fetchToken("JobLifecycleSagaProcessor", 0); // claimed by the other instance: still read
        when(processing.eventProcessor("read-models-jobs", org.axonframework.eventhandling.StreamingEventProcessor.class))
                .thenReturn(Optional.empty());
        when(processing.eventProcessor("JobLifecycleSagaProcessor", org.axonframework.eventhandling.StreamingEventProcessor.class))
                .thenReturn(Optional.empty());
        when(processing.tokenStore("read-models-jobs")).thenReturn(new FlushingTokenStore(readModels, () -> {
        }));
        when(processing.tokenStore("JobLifecycleSagaProcessor")).thenReturn(sagas);
        var tokens = new ProcessorTokens(() -> processing, mongoClient, new ReadModelProperties(null, "gigstream", null),
                JdbcClient.create(database), serializer);

        Map<String, List<TrackingToken>> read = tokens.of(Set.of("read-models-jobs", "JobLifecycleSagaProcessor"));

        assertThat(read.get("read-models-jobs")).hasSize(2)
                .allSatisfy(token -> assertThat(ReadModelPositions.covers(token, 40)).isTrue())
                .allSatisfy(token -> assertThat(ReadModelPositions.covers(token, 38)).isFalse());
        assertThat(read.get("JobLifecycleSagaProcessor")).hasSize(4)
                .allSatisfy(token -> assertThat(token.position()).hasValue(41));
    }
}
