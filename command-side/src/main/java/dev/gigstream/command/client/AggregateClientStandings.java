package dev.gigstream.command.client;

import dev.gigstream.command.job.ClientStandings;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;

/**
 * Reads a client's standing from the Client aggregate inside the command's unit of work. Most clients
 * were never suspended and have no stream: asking the event store for the stream's last sequence
 * number first spares loading (and the repository's warning about) an aggregate that does not exist.
 */
public class AggregateClientStandings implements ClientStandings {

    private final Repository<Client> clients;
    private final EventStore events;

    public AggregateClientStandings(Repository<Client> clients, EventStore events) {
        this.clients = clients;
        this.events = events;
    }

    @Override
    public boolean suspended(String clientId) {
        return events.lastSequenceNumberFor(clientId).isPresent() && clients.load(clientId).invoke(Client::suspended);
    }
}
