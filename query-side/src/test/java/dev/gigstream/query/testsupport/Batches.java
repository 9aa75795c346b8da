package dev.gigstream.query.testsupport;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Handlers called as an event processor calls them in one batch: inside one {@link BatchingUnitOfWork}
 * that commits when they are done (and throws what its commit threw); and the commands a client sent.
 */
public final class Batches {

    private Batches() {
    }

    /** Runs {@code handlers} in one batch and commits it. */
    public static void inOneBatch(Runnable handlers) {
        List<EventMessage<?>> messages = List.of(GenericEventMessage.asEventMessage("batch"));
        var unitOfWork = new BatchingUnitOfWork<>(messages);
        unitOfWork.start();
        try {
            handlers.run();
        } catch (RuntimeException | Error e) {
            unitOfWork.rollback(e);
            throw e;
        }
        unitOfWork.commit();
    }

    /** A client of {@code backend} that records the commands it sends: name and collection. */
    public static final class CommandLog implements CommandListener {

        private final List<String> commands = new CopyOnWriteArrayList<>();

        public MongoClient client(MongoBackend backend) {
            return MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString(backend.connectionString()))
                    .addCommandListener(this)
                    .build());
        }

        @Override
        public void commandStarted(CommandStartedEvent event) {
            var target = event.getCommand().get(event.getCommandName());
            commands.add(event.getCommandName() + (target != null && target.isString() ? " " + target.asString().getValue() : ""));
        }

        /** The commands sent since the last call, e.g. {@code "update jobs"}. */
        public List<String> take() {
            List<String> taken = List.copyOf(commands);
            commands.clear();
            return taken;
        }
    }
}
