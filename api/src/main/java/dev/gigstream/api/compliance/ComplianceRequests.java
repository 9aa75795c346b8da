package dev.gigstream.api.compliance;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of {@link ComplianceController}. */
final class ComplianceRequests {

    private ComplianceRequests() {
    }

    /** What the admin found or did about the flag. */
    @Schema(name = "AcknowledgeComplianceFlagRequest")
    record Acknowledge(@NotBlank @Size(max = 2000) String note) {
    }
}
