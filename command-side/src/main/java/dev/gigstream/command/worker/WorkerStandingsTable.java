package dev.gigstream.command.worker;

import dev.gigstream.command.job.WorkerStandings;
import dev.gigstream.command.lookup.LookupTable;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.worker.ApplicantStanding;
import dev.gigstream.messages.worker.WorkerProfileUpdated;
import dev.gigstream.messages.worker.WorkerReinstated;
import dev.gigstream.messages.worker.WorkerSuspended;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Each worker's standing as the {@link Worker} keeps it (has a profile, is suspended; table
 * {@code worker_standing}), kept from its events in the unit of work that stores them, so a job's
 * handlers learn it without loading the worker: consistent with every command the worker has had
 * handled, unlike a read model. A worker without a row has no profile.
 */
@ProcessingGroup(LookupTable.PROCESSING_GROUP)
public class WorkerStandingsTable implements WorkerStandings {

    private final LookupTable table;

    public WorkerStandingsTable(LookupTable table) {
        this.table = table;
    }

    @Override
    public ApplicantStanding of(WorkerId workerId) {
        return table.queryOne("SELECT has_profile, suspended FROM worker_standing WHERE worker_id = ?",
                        row -> new ApplicantStanding(row.getBoolean(1), row.getBoolean(2)), workerId.value())
                .orElse(ApplicantStanding.unknown());
    }

    @EventHandler
    void on(WorkerProfileUpdated event) {
        table.upsert("UPDATE worker_standing SET has_profile = TRUE WHERE worker_id = ?", new Object[]{event.workerId().value()},
                "INSERT INTO worker_standing (worker_id, has_profile, suspended) VALUES (?, TRUE, FALSE)",
                new Object[]{event.workerId().value()});
    }

    @EventHandler
    void on(WorkerSuspended event) {
        suspended(event.workerId(), true);
    }

    @EventHandler
    void on(WorkerReinstated event) {
        suspended(event.workerId(), false);
    }

    private void suspended(WorkerId workerId, boolean suspended) {
        table.upsert("UPDATE worker_standing SET suspended = ? WHERE worker_id = ?", new Object[]{suspended, workerId.value()},
                "INSERT INTO worker_standing (worker_id, has_profile, suspended) VALUES (?, FALSE, ?)",
                new Object[]{workerId.value(), suspended});
    }
}
