package dev.gigstream.api.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Who read what of the audit trail, and when; {@code reason}: why an admin read numbers in clear (null: read masked). */
@Schema(name = "AuditReadItem")
public record AuditRead(String readerId, String readerRole, String what, Instant at, String reason) {
}
