package dev.gigstream.messages.dispute;

import java.time.Instant;

public record EvidenceAdded(String disputeId, String jobId, String by, DisputeParty party, String text, Instant at) {
}
