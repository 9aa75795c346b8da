package dev.gigstream.api.moderation;

import dev.gigstream.api.auth.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** Request and response bodies of {@link ReportController} and {@link SuspensionController}. */
final class ModerationRequests {

    private ModerationRequests() {
    }

    @Schema(name = "AbuseReportRequest")
    record File(@NotNull AbuseReports.SubjectType subjectType, @NotBlank @Size(max = 36) String subjectId,
                @NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(name = "AbuseReportResponse")
    record Filed(String reportId) {
    }

    @Schema(name = "CloseAbuseReportRequest")
    record Close(@NotBlank @Size(max = 1000) String note) {
    }

    @Schema(name = "AbuseReportList")
    record Reports(List<AbuseReports.Report> items) {
    }

    @Schema(name = "SuspensionDecisionRequest")
    record Decision(@NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "SuspensionDecisionResponse")
    record Decided(String userId, Role role, boolean suspended, int reportsClosed) {
    }

    @Schema(name = "SuspendedUserItem")
    record SuspendedUser(String userId, String email, String fullName, Role role, Instant suspendedAt, String reason) {
    }
}
