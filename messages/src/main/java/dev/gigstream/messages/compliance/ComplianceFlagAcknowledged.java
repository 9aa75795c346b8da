package dev.gigstream.messages.compliance;

import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;

import java.time.Instant;

public record ComplianceFlagAcknowledged(@NotPersonal String flagId,
                                         @NotPersonal String adminId,
                                         @PersonalData(subject = "adminId") String note,
                                         Instant at) {
}
