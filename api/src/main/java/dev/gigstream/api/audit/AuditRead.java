package dev.gigstream.api.audit;

import java.time.Instant;

/** Who read what of the audit trail, and when. */
public record AuditRead(String readerId, String readerRole, String what, Instant at) {
}
