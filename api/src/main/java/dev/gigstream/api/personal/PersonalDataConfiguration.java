package dev.gigstream.api.personal;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Personal data in stored events encrypted per person (docs/personal-data.md), when
 * {@code gigstream.personal-data.encryption} ({@code GIGSTREAM_PERSONAL_DATA_ENCRYPTION}) is {@code on}: Axon's
 * event serializer (event store and dead letters) is wrapped by {@link PersonalDataSerializer}, and at start the
 * data keys still wrapped by the previous master key, if one is set, are wrapped by the current one, and the events
 * stored in clear before are encrypted in place once ({@link PersonalDataMigration}). On is the default; off,
 * nothing of this exists and no master key is needed.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(PersonalDataConfiguration.EncryptionOn.class)
class PersonalDataConfiguration {

    static final String ENCRYPTION = "gigstream.personal-data.encryption";
    private static final String EVENT_SERIALIZER = "eventSerializer";
    private static final Logger log = LoggerFactory.getLogger(PersonalDataConfiguration.class);

    @Bean
    MasterKeys personalDataMasterKeys(@Value("${gigstream.personal-data.master-key:}") String current,
                                      @Value("${gigstream.personal-data.master-key-previous:}") String previous,
                                      @Value("${gigstream.personal-data.generate-dev-key:false}") boolean generateDevKey,
                                      @Value("${gigstream.data-dir}") Path dataDir) {
        return MasterKeys.resolve(current, previous, generateDevKey, dataDir);
    }

    @Bean
    PersonalKeys personalKeys(KeyConnections connections, MasterKeys masterKeys, Clock clock,
                              @Value("${gigstream.personal-data.key-cache.size:10000}") long cacheSize,
                              @Value("${gigstream.personal-data.key-cache.lifetime:1m}") Duration cacheLifetime) {
        return new PersonalKeys(connections.pool(), masterKeys, clock, cacheSize, cacheLifetime);
    }

    /**
     * The keys' own pool of connections to the application's database. A key is read or made on a connection of
     * its own while the transaction storing the event holds one of the application's pool: on that same pool, as
     * many first events of new people at once as it has connections would each hold one and wait for a second,
     * and none would get it (a registration burst waited out the 30-second connection timeout). Not a
     * {@code DataSource} bean, so the application's own pool is made as before.
     */
    @Bean
    KeyConnections personalKeyConnections(DataSource dataSource) {
        HikariDataSource pool = DataSourceBuilder.derivedFrom(dataSource).type(HikariDataSource.class).build();
        pool.setPoolName("personal-keys");
        pool.setMaximumPoolSize(KeyConnections.SIZE);
        pool.setMinimumIdle(1);
        return new KeyConnections(pool);
    }

    /** Closed with the context (after the beans that use it). */
    record KeyConnections(HikariDataSource pool) implements AutoCloseable {

        static final int SIZE = 3;

        @Override
        public void close() {
            pool.close();
        }
    }

    /** Wraps the serializer Axon's auto-configuration made for events, whatever it is configured as. */
    @Bean
    static BeanPostProcessor personalDataEventSerializer(ObjectProvider<PersonalKeys> keys) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (EVENT_SERIALIZER.equals(name) && bean instanceof Serializer serializer
                        && !(bean instanceof PersonalDataSerializer)) {
                    return new PersonalDataSerializer(serializer, keys.getObject());
                }
                return bean;
            }
        };
    }

    /** Step 2 of a rotation of the master key, done by every instance at start while the previous key is set. */
    @Bean
    ApplicationRunner rewrapPersonalKeys(MasterKeys masterKeys, PersonalKeys keys) {
        return arguments -> masterKeys.previousId().ifPresent(previous -> log.info(
                "Rewrapped {} personal data keys from master key {} to {}", keys.rewrapAll(), previous, masterKeys.currentId()));
    }

    @Bean
    PersonalDataMigration personalDataMigration(DataSource dataSource, @Qualifier(EVENT_SERIALIZER) Serializer eventSerializer,
                                                org.axonframework.config.Configuration axon, Clock clock,
                                                @Value("${gigstream.personal-data.migration.batch-size:500}") int batchSize) {
        if (!(eventSerializer instanceof PersonalDataSerializer personal)) {
            throw new IllegalStateException("The event serializer is not the personal data one: " + eventSerializer.getClass());
        }
        return new PersonalDataMigration(dataSource, personal, axon.upcasterChain(), clock, batchSize);
    }

    /**
     * The one-time migration of the events stored before encryption, begun at start (docs/personal-data.md)
     * and run in the background while the application serves: what is written meanwhile is encrypted already.
     * On Axon Server the events cannot be rewritten: a store holding events that were never migrated refuses
     * to start unless the operator accepts that they stay in clear.
     */
    @Bean
    PersonalDataMigrationRun personalDataMigrationRun(PersonalDataMigration migration, ObjectProvider<EventStore> eventStore,
                                                      @Value("${axon.axonserver.enabled:false}") boolean axonServer,
                                                      @Value("${gigstream.personal-data.axon-server-clear-history:refuse}") String clearHistory) {
        return new PersonalDataMigrationRun(migration, eventStore::getObject, axonServer, clearHistory);
    }

    /** {@code on} or {@code off}; anything else refuses to start rather than be taken for one of them. */
    static class EncryptionOn implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String value = context.getEnvironment().getProperty(ENCRYPTION, "on").strip().toLowerCase(Locale.ROOT);
            return switch (value) {
                case "on" -> true;
                case "off" -> false;
                default -> throw new IllegalStateException(ENCRYPTION + " (GIGSTREAM_PERSONAL_DATA_ENCRYPTION) must be "
                        + "on or off, not '" + value + "'");
            };
        }
    }
}
