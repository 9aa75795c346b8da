package dev.gigstream.command.client;

import dev.gigstream.command.job.ClientStandings;
import dev.gigstream.command.lookup.LookupTable;
import dev.gigstream.messages.client.ClientReinstated;
import dev.gigstream.messages.client.ClientSuspended;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Which clients are suspended, as the {@link Client} decided (table {@code client_standing}), kept from
 * its events in the unit of work that stores them, so posting and hiring learn it without loading the
 * client. Most clients were never suspended and have no row.
 */
@ProcessingGroup(LookupTable.PROCESSING_GROUP)
public class ClientStandingsTable implements ClientStandings {

    private final LookupTable table;

    public ClientStandingsTable(LookupTable table) {
        this.table = table;
    }

    @Override
    public boolean suspended(String clientId) {
        return table.queryOne("SELECT suspended FROM client_standing WHERE client_id = ?", row -> row.getBoolean(1), clientId)
                .orElse(false);
    }

    @EventHandler
    void on(ClientSuspended event) {
        suspended(event.clientId(), true);
    }

    @EventHandler
    void on(ClientReinstated event) {
        suspended(event.clientId(), false);
    }

    private void suspended(String clientId, boolean suspended) {
        table.upsert("UPDATE client_standing SET suspended = ? WHERE client_id = ?", new Object[]{suspended, clientId},
                "INSERT INTO client_standing (client_id, suspended) VALUES (?, ?)", new Object[]{clientId, suspended});
    }
}
