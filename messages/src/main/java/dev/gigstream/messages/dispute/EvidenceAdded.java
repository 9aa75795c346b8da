package dev.gigstream.messages.dispute;

import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;

import java.time.Instant;

/** {@code evidenceId} is null in events stored before evidence had ids. */
public record EvidenceAdded(DisputeId disputeId,
                            JobId jobId,
                            @NotPersonal String evidenceId,
                            @NotPersonal String by,
                            DisputeParty party,
                            @PersonalData(subject = "by") String text,
                            Instant at) {
}
