package dev.gigstream.api.audit;

import dev.gigstream.api.retention.Retained;
import dev.gigstream.api.retention.RetentionRule;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The record of who read the audit trail: one row per audit request (table {@code audit_read}), with
 * the reason an admin gave for reading account and phone numbers in clear. Kept for
 * {@code gigstream.retention.audit-reads} after the read ({@link RetentionRule#AUDIT_READS}).
 */
@Component
class AuditReads implements Retained {

    private static final int MAX_WHAT = 2048;
    private static final String ROLE_PREFIX = "ROLE_";

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditReads(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records that {@code reader} made {@code request} (its path and query), now, read masked. */
    void record(Authentication reader, HttpServletRequest request) {
        record(reader, request, Disclosure.MASKED);
    }

    /** Records that {@code reader} made {@code request} (its path and query), now, with the disclosure's reason. */
    void record(Authentication reader, HttpServletRequest request, Disclosure disclosure) {
        String query = request.getQueryString();
        String what = request.getRequestURI() + (query == null ? "" : "?" + query);
        jdbc.sql("INSERT INTO audit_read (reader_id, reader_role, what, at, reason) "
                + "VALUES (:reader, :role, :what, :at, :reason)")
            .param("reader", reader.getName())
            .param("role", roleOf(reader))
            .param("what", what.length() > MAX_WHAT ? what.substring(0, MAX_WHAT) : what)
            .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
            .param("reason", disclosure.reason(), Types.VARCHAR)
            .update();
    }

    List<AuditRead> latest(int limit) {
        return jdbc.sql("SELECT reader_id, reader_role, what, at, reason FROM audit_read ORDER BY at DESC, id DESC LIMIT :limit")
                   .param("limit", limit)
                   .query((row, n) -> new AuditRead(row.getString("reader_id"), row.getString("reader_role"),
                           row.getString("what"), row.getObject("at", OffsetDateTime.class).toInstant(),
                           row.getString("reason")))
                   .list();
    }

    @Override
    public RetentionRule rule() {
        return RetentionRule.AUDIT_READS;
    }

    @Override
    public long deleteBatchBefore(Instant cutoff, int batch) {
        return jdbc.sql("DELETE FROM audit_read WHERE id IN "
                + "(SELECT id FROM audit_read WHERE at < :cutoff ORDER BY id LIMIT :batch)")
                   .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                   .param("batch", batch)
                   .update();
    }

    private static String roleOf(Authentication reader) {
        return reader.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .findFirst().orElse("UNKNOWN");
    }
}
