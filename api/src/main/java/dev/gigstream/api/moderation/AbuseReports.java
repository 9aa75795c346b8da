package dev.gigstream.api.moderation;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Abuse reports in the relational {@code abuse_report} table (personal free text: erasable, not events). */
@Component
class AbuseReports {

    /** The longest list an admin gets at once, newest first; open reports are expected to stay far below it. */
    static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    AbuseReports(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void file(Report report) {
        jdbc.sql("""
                INSERT INTO abuse_report (id, reporter_id, subject_type, subject_id, subject_user_id, reason, created_at)
                VALUES (:id, :reporter, :type, :subject, :subjectUser, :reason, :at)""")
            .param("id", report.reportId())
            .param("reporter", report.reporterId())
            .param("type", report.subjectType().name())
            .param("subject", report.subjectId())
            .param("subjectUser", report.subjectUserId())
            .param("reason", report.reason())
            .param("at", utc(report.createdAt()))
            .update();
    }

    boolean openReportExists(String reporterId, SubjectType type, String subjectId) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM abuse_report
                        WHERE reporter_id = :reporter AND subject_type = :type AND subject_id = :subject AND closed_at IS NULL""")
                .param("reporter", reporterId)
                .param("type", type.name())
                .param("subject", subjectId)
                .query(Long.class)
                .single() > 0;
    }

    Optional<Report> byId(String reportId) {
        return jdbc.sql("SELECT * FROM abuse_report WHERE id = :id").param("id", reportId).query(AbuseReports::report).optional();
    }

    List<Report> list(boolean open) {
        return jdbc.sql("SELECT * FROM abuse_report WHERE closed_at IS " + (open ? "NULL" : "NOT NULL")
                        + " ORDER BY created_at DESC LIMIT " + PAGE)
                .query(AbuseReports::report)
                .list();
    }

    /** @return whether this call closed it (false: it was closed already) */
    boolean close(String reportId, String adminId, String note) {
        return jdbc.sql("UPDATE abuse_report SET closed_at = :at, closed_by = :admin, note = :note WHERE id = :id AND closed_at IS NULL")
                .param("at", utc(clock.instant()))
                .param("admin", adminId)
                .param("note", note)
                .param("id", reportId)
                .update() == 1;
    }

    /** Closes every open report about the user, e.g. once they are suspended. */
    /** How many reports about the user are open. */
    int openAbout(String userId) {
        return jdbc.sql("SELECT count(*) FROM abuse_report WHERE subject_user_id = :user AND closed_at IS NULL")
                .param("user", userId).query(Integer.class).single();
    }

    int closeAllAbout(String userId, String adminId, String note) {
        return jdbc.sql("""
                        UPDATE abuse_report SET closed_at = :at, closed_by = :admin, note = :note
                        WHERE subject_user_id = :user AND closed_at IS NULL""")
                .param("at", utc(clock.instant()))
                .param("admin", adminId)
                .param("note", note)
                .param("user", userId)
                .update();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Report report(ResultSet rs, int row) throws SQLException {
        OffsetDateTime closedAt = rs.getObject("closed_at", OffsetDateTime.class);
        return new Report(rs.getString("id"), rs.getString("reporter_id"), SubjectType.valueOf(rs.getString("subject_type")),
                rs.getString("subject_id"), rs.getString("subject_user_id"), rs.getString("reason"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), closedAt == null ? null : closedAt.toInstant(),
                rs.getString("closed_by"), rs.getString("note"));
    }

    enum SubjectType { USER, JOB }

    /** {@code subjectUserId}: the user the report is about (for a job, its client). */
    @Schema(name = "AbuseReportItem")
    record Report(String reportId, String reporterId, SubjectType subjectType, String subjectId, String subjectUserId,
                  String reason, Instant createdAt, Instant closedAt, String closedBy, String note) {
    }
}
