package dev.gigstream.api.messaging;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Commands on one aggregate from two places at once (a user's hire on one instance and the matching
 * policy's offers on another) meet at the event store: the second append finds its sequence number
 * taken. That command is sent again, with the aggregate as the first one left it, up to
 * {@code gigstream.commands.concurrency-retries} times with a back-off that doubles from 25 ms (25, 50,
 * 100, 200, 400 ms: a burst of writers on a new job, such as a wave of offers and a saga's step, has
 * passed long before the last); any other failure (a refusal above all) is answered at once.
 *
 * <p>Commands that policies and sagas send from an event handler run inside that handler's unit of
 * work: their events are appended when the processor's batch commits, so a conflict there rolls the
 * batch back and the processor handles it again, reading the aggregate afresh.
 */
@Configuration(proxyBeanMethods = false)
class CommandRetries {

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, @Value("${gigstream.commands.concurrency-retries:5}") int retries) {
        // not a bean: Spring would take a ScheduledExecutorService bean for its own @Scheduled tasks
        ScheduledExecutorService commandRetryExecutor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConflictRetries(ExponentialBackOffIntervalRetryScheduler.builder()
                        .retryExecutor(commandRetryExecutor)
                        .backoffFactor(25)
                        .maxRetryCount(retries)))
                .build();
    }

    /**
     * Sends again only what lost a concurrency conflict. Axon would also ask its predicate about every
     * cause on its own, and the cause of a real conflict (PostgreSQL's batch exception for the duplicate
     * key) is no conflict by itself, so a predicate alone refused to retry every real conflict.
     */
    static final class ConflictRetries extends ExponentialBackOffIntervalRetryScheduler {

        ConflictRetries(Builder builder) {
            super(builder);
        }

        @Override
        protected boolean isExplicitlyNonTransient(Throwable failure) {
            return !concurrencyConflict(failure);
        }
    }

    static boolean concurrencyConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
