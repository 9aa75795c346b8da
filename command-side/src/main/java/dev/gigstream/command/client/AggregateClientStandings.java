package dev.gigstream.command.client;

import dev.gigstream.command.job.ClientStandings;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/** Reads a client's standing from the Client aggregate inside the command's unit of work. */
public class AggregateClientStandings implements ClientStandings {

    private final Repository<Client> clients;

    public AggregateClientStandings(Repository<Client> clients) {
        this.clients = clients;
    }

    @Override
    public boolean suspended(String clientId) {
        try {
            return clients.load(clientId).invoke(Client::suspended);
        } catch (AggregateNotFoundException e) {
            return false; // never suspended: the client has no stream yet
        }
    }
}
