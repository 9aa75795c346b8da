package dev.gigstream.messages.dispute;

import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.NotPersonal;

import java.time.Instant;

/** The opener took the complaint back: the escrow unfreezes and the confirmation clock resumes. */
public record DisputeWithdrawn(DisputeId disputeId, JobId jobId, EscrowId escrowId, @NotPersonal String by, Instant at) {
}
