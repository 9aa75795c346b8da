package dev.gigstream.messages.compliance;

import java.time.Instant;

public record ComplianceFlagAcknowledged(String flagId, String adminId, String note, Instant at) {
}
