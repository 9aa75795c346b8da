package dev.gigstream.messages.dispute;

import java.time.Instant;

/** {@code evidenceId} is null in events stored before evidence had ids. */
public record EvidenceAdded(String disputeId, String jobId, String evidenceId, String by, DisputeParty party, String text, Instant at) {
}
