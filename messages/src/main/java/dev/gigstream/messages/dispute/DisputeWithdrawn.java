package dev.gigstream.messages.dispute;

import java.time.Instant;

/** The opener took the complaint back: the escrow unfreezes and the confirmation clock resumes. */
public record DisputeWithdrawn(String disputeId, String jobId, String escrowId, String by, Instant at) {
}
