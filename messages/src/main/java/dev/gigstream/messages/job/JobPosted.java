package dev.gigstream.messages.job;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;

import java.time.Instant;
import java.util.List;

/** Required skills are in their normal form (see {@link dev.gigstream.messages.worker.Skills}). */
public record JobPosted(JobId jobId,
                        String clientId,
                        String title,
                        String description,
                        List<String> requiredSkills,
                        JobSite site,
                        ShiftWindow shift,
                        Money pay,
                        Instant postedAt) {
}
