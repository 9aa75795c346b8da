package dev.gigstream.command.job;

import dev.gigstream.messages.worker.ApplicantStanding;

/** The port through which a job learns a worker's standing; injected into its command handlers. */
public interface WorkerStandings {

    ApplicantStanding of(String workerId);
}
