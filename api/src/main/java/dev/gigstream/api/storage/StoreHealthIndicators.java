package dev.gigstream.api.storage;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /actuator/health} is UP only when both stores answer: the event store (JDBC or Axon Server,
 * asked for its head position) and the read-model MongoDB (pinged).
 */
@Configuration(proxyBeanMethods = false)
class StoreHealthIndicators {

    @Bean
    HealthIndicator eventStoreHealthIndicator(EventStore eventStore) {
        return () -> {
            try {
                return Health.up().withDetail("head", String.valueOf(eventStore.createHeadToken())).build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    @Bean
    HealthIndicator readModelsHealthIndicator(MongoDatabase readModels) {
        return () -> {
            try {
                readModels.runCommand(new Document("ping", 1));
                return Health.up().withDetail("database", readModels.getName()).build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }
}
