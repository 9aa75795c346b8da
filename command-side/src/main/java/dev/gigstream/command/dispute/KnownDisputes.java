package dev.gigstream.command.dispute;

import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.JobId;

import java.util.Optional;

/**
 * Which job a dispute id belongs to, across all jobs: a job tells a dispute id taken by another job's
 * dispute from a new one. Answered from a command-side table kept from {@code DisputeOpened} in the
 * transaction that stores it.
 */
public interface KnownDisputes {

    Optional<JobId> jobOf(DisputeId disputeId);
}
