package dev.gigstream.messages.dispute;

import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.JobId;

import java.time.Instant;

/** {@code evidenceId} is null in events stored before evidence had ids. */
public record EvidenceAdded(DisputeId disputeId, JobId jobId, String evidenceId, String by, DisputeParty party, String text, Instant at) {
}
