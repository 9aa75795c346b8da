package dev.gigstream.messages.compliance;

import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** An admin has looked at the flag; acknowledging it again keeps the first acknowledgement. */
public record AcknowledgeComplianceFlag(@NotPersonal @TargetAggregateIdentifier String flagId,
                                        @NotPersonal String adminId,
                                        @PersonalData(subject = "adminId") String note,
                                        Instant at) {
}
