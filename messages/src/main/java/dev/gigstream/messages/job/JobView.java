package dev.gigstream.messages.job;

import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;

import java.time.Instant;
import java.util.List;

/**
 * A job in full, with every status it went through. {@code escrowId} is null until escrow exists,
 * {@code disputeId} while no dispute was opened; check-in and check-out times once they happened.
 */
public record JobView(String jobId,
                      String clientId,
                      String title,
                      String description,
                      List<String> requiredSkills,
                      JobSite site,
                      ShiftWindow shift,
                      Money pay,
                      JobStatus status,
                      Instant postedAt,
                      String hiredWorkerId,
                      String escrowId,
                      List<StatusChange> timeline,
                      Instant checkedInAt,
                      Instant checkedOutAt,
                      boolean checkedOutAutomatically,
                      String disputeId) {

    public record StatusChange(JobStatus status, Instant at) {
    }
}
