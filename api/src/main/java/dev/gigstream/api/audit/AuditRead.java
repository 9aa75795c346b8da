package dev.gigstream.api.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Who read what of the audit trail, and when. */
@Schema(name = "AuditReadItem")
public record AuditRead(String readerId, String readerRole, String what, Instant at) {
}
