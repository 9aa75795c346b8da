package dev.gigstream.messages.job;

import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;

/**
 * A dispute was opened on the job: it stays DISPUTED until the dispute is withdrawn or settled.
 * {@code reason} and {@code details} (stripped) let the job tell a retried opening from another
 * complaint under the same id; events stored before they were added carry none.
 */
public record JobDisputed(JobId jobId,
                          DisputeId disputeId,
                          EscrowId escrowId,
                          @NotPersonal String openedBy,
                          @PersonalData(subject = "openedBy") String reason,
                          @PersonalData(subject = "openedBy") String details) {

    /** A dispute whose complaint the job does not keep (as stored before the complaint was added). */
    public JobDisputed(JobId jobId, DisputeId disputeId, EscrowId escrowId, String openedBy) {
        this(jobId, disputeId, escrowId, openedBy, null, null);
    }
}
