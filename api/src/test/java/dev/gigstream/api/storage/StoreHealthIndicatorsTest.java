package dev.gigstream.api.storage;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClients;
import dev.gigstream.query.testsupport.MongoBackend;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class StoreHealthIndicatorsTest {

    private final StoreHealthIndicators indicators = new StoreHealthIndicators();

    @Test
    void theReadModelStoreIsUpWhenItAnswersAPing() {
        var health = indicators.readModelsHealthIndicator(MongoBackend.inProcess().freshDatabase()).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void theReadModelStoreIsDownWhenNothingAnswers() {
        try (var unreachable = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:1"))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(300, TimeUnit.MILLISECONDS))
                .build())) {
            var health = indicators.readModelsHealthIndicator(unreachable.getDatabase("gigstream")).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        }
    }

    @Test
    void theEventStoreIsDownWhenItCannotTellItsHead() {
        EventStore broken = mock(EventStore.class);
        when(broken.createHeadToken()).thenThrow(new IllegalStateException("connection refused"));

        assertThat(indicators.eventStoreHealthIndicator(broken).health().getStatus()).isEqualTo(Status.DOWN);
    }
}
