package dev.gigstream.api.moderation;

import dev.gigstream.api.auth.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** Request and response bodies of {@link ReportController} and {@link SuspensionController}. */
final class ModerationRequests {

    private ModerationRequests() {
    }

    record File(@NotNull AbuseReports.SubjectType subjectType, @NotBlank @Size(max = 36) String subjectId,
                @NotBlank @Size(max = 1000) String reason) {
    }

    record Filed(String reportId) {
    }

    record Close(@NotBlank @Size(max = 1000) String note) {
    }

    record Reports(List<AbuseReports.Report> items) {
    }

    record Decision(@NotBlank @Size(max = 500) String reason) {
    }

    record Decided(String userId, Role role, boolean suspended, int reportsClosed) {
    }

    record SuspendedUser(String userId, String email, String fullName, Role role, Instant suspendedAt, String reason) {
    }
}
