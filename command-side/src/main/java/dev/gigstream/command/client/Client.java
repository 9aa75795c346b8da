package dev.gigstream.command.client;

import dev.gigstream.messages.client.ClientReinstated;
import dev.gigstream.messages.client.ClientSuspended;
import dev.gigstream.messages.client.ReinstateClient;
import dev.gigstream.messages.client.SuspendClient;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A client's standing on the platform. Accounts (credentials, names) are not event-sourced; what an
 * admin decides about a client is. Its stream starts with the first such decision, so a client who was
 * never suspended has none. Suspending a suspended client, or reinstating one in good standing,
 * changes nothing.
 */
@Aggregate
public class Client {

    @AggregateIdentifier
    private String clientId;
    private boolean suspended;

    protected Client() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SuspendClient command) {
        if (!suspended) {
            apply(new ClientSuspended(command.clientId(), command.reason(), command.adminId()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReinstateClient command) {
        if (suspended) {
            apply(new ClientReinstated(command.clientId(), command.reason(), command.adminId()));
        }
    }

    boolean suspended() {
        return suspended;
    }

    @EventSourcingHandler
    void on(ClientSuspended event) {
        clientId = event.clientId();
        suspended = true;
    }

    @EventSourcingHandler
    void on(ClientReinstated event) {
        suspended = false;
    }
}
