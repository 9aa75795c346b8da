package dev.gigstream.api.messaging;

import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.lifecycle.Phase;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follower of the event store stops with the event processors, inside Axon's own shutdown, before
 * the connections to outside services close (Axon Server's among them: the follower's stream would be
 * closed under it, and it would warn "stream has been closed" at every stop).
 */
class CommittedEventsTest {

    @Test
    void theFollowerHasStoppedBeforeOutsideConnectionsClose() {
        AtomicReference<Configuration> started = new AtomicReference<>();
        var committed = new CommittedEvents(() -> started.get().eventStore());
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        committed.stopsWith(configurer);
        AtomicBoolean followingWhenConnectionsClose = new AtomicBoolean();
        configurer.onShutdown(Phase.EXTERNAL_CONNECTIONS, () -> followingWhenConnectionsClose.set(committed.isRunning()));
        started.set(configurer.start());
        committed.start();

        started.get().shutdown();

        assertThat(followingWhenConnectionsClose).as("the follower still follows when connections close").isFalse();
    }
}
