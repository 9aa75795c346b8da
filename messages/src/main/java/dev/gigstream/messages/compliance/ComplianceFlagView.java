package dev.gigstream.messages.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A flag as admins see it; {@code acknowledgedBy}, {@code acknowledgedAt} and {@code note} are set once acknowledged. */
public record ComplianceFlagView(String flagId,
                                 ComplianceRule rule,
                                 String subjectId,
                                 List<String> evidence,
                                 Map<String, String> details,
                                 Instant raisedAt,
                                 boolean acknowledged,
                                 String acknowledgedBy,
                                 Instant acknowledgedAt,
                                 String note) {
}
