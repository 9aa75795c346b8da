package dev.gigstream.api.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit-read log as it concerns one person, for their data export: a person's export is recorded in it
 * as a read of their data, and their export lists the reads of it (their own exports, and every read of the
 * audit trail whose path names them or one of their jobs, escrows or disputes).
 */
@Component
public class PersonalDataReads {

    /** At most this many ids are looked for in one statement. */
    private static final int IDS_PER_STATEMENT = 200;

    private final AuditReads reads;
    private final JdbcClient jdbc;

    PersonalDataReads(AuditReads reads, JdbcClient jdbc) {
        this.reads = reads;
        this.jdbc = jdbc;
    }

    /** Records that {@code reader} exported their data with {@code request}, now. */
    public void recordExport(Authentication reader, HttpServletRequest request) {
        reads.record(reader, request);
    }

    /**
     * The reads by {@code userId} or of a path naming {@code userId} or one of {@code ids}, oldest first.
     * The readers appear by id and role.
     */
    public List<AuditRead> of(String userId, Collection<String> ids) {
        List<String> all = new ArrayList<>(ids.size() + 1);
        all.add(userId);
        all.addAll(ids.stream().filter(id -> id != null && !id.isBlank()).distinct().toList());
        Map<Long, AuditRead> found = new HashMap<>();
        for (int from = 0; from < all.size(); from += IDS_PER_STATEMENT) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + IDS_PER_STATEMENT));
            StringBuilder where = new StringBuilder("reader_id = :user");
            for (int i = 0; i < batch.size(); i++) {
                where.append(" OR POSITION(:id").append(i).append(" IN what) > 0");
            }
            var statement = jdbc.sql("SELECT id, reader_id, reader_role, what, at, reason FROM audit_read WHERE "
                    + where + " ORDER BY at, id").param("user", userId);
            for (int i = 0; i < batch.size(); i++) {
                statement = statement.param("id" + i, batch.get(i));
            }
            statement.query((row, n) -> found.put(row.getLong("id"), new AuditRead(row.getString("reader_id"),
                    row.getString("reader_role"), row.getString("what"), row.getObject("at", OffsetDateTime.class).toInstant(),
                    row.getString("reason")))).list();
        }
        return found.entrySet().stream()
                .sorted(Map.Entry.<Long, AuditRead>comparingByValue(Comparator.comparing(AuditRead::at))
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getValue)
                .toList();
    }
}
