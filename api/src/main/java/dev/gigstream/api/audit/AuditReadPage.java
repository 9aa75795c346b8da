package dev.gigstream.api.audit;

import java.util.List;

/** The latest reads of the audit trail, newest first. */
public record AuditReadPage(List<AuditRead> items) {
}
