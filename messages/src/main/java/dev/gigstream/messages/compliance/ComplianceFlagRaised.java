package dev.gigstream.messages.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code evidence}: the identifiers of the events that raised the flag; {@code details}: what the rule measured. */
public record ComplianceFlagRaised(String flagId,
                                   ComplianceRule rule,
                                   String subjectId,
                                   List<String> evidence,
                                   Map<String, String> details,
                                   Instant raisedAt) {

    public ComplianceFlagRaised {
        evidence = List.copyOf(evidence);
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
