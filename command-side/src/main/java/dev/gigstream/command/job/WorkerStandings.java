package dev.gigstream.command.job;

import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.worker.ApplicantStanding;

/**
 * The port through which a job learns a worker's standing; injected into its command handlers and
 * answered from a command-side lookup table kept from the worker's events, never by loading the worker.
 */
public interface WorkerStandings {

    ApplicantStanding of(WorkerId workerId);
}
