package dev.gigstream.command.dispute;

import dev.gigstream.command.lookup.LookupTable;
import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.dispute.DisputeOpened;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.util.Optional;

/**
 * Every dispute id with its job (table {@code known_dispute}), kept from {@code DisputeOpened} in the
 * unit of work that stores it: the subscribing processor of the command side's lookup tables.
 */
@ProcessingGroup(LookupTable.PROCESSING_GROUP)
public class KnownDisputesTable implements KnownDisputes {

    private final LookupTable table;

    public KnownDisputesTable(LookupTable table) {
        this.table = table;
    }

    @Override
    public Optional<JobId> jobOf(DisputeId disputeId) {
        return table.queryOne("SELECT job_id FROM known_dispute WHERE dispute_id = ?", row -> JobId.of(row.getString(1)), disputeId.value());
    }

    @EventHandler
    void on(DisputeOpened event) {
        table.update("INSERT INTO known_dispute (dispute_id, job_id) VALUES (?, ?)", event.disputeId().value(), event.jobId().value());
    }
}
