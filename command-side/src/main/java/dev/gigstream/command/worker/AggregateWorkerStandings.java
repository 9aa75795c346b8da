package dev.gigstream.command.worker;

import dev.gigstream.command.job.WorkerStandings;
import dev.gigstream.messages.worker.ApplicantStanding;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Reads a worker's standing from the Worker aggregate itself, inside the command's unit of work:
 * consistent with every command the worker has had handled, unlike a read model.
 */
public class AggregateWorkerStandings implements WorkerStandings {

    private final Repository<Worker> workers;

    public AggregateWorkerStandings(Repository<Worker> workers) {
        this.workers = workers;
    }

    @Override
    public ApplicantStanding of(String workerId) {
        try {
            return workers.load(workerId).invoke(Worker::standing);
        } catch (AggregateNotFoundException e) {
            return ApplicantStanding.unknown();
        }
    }
}
