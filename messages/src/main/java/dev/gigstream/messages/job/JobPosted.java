package dev.gigstream.messages.job;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;
import dev.gigstream.messages.common.ShiftWindow;

import java.time.Instant;
import java.util.List;

/** Required skills are in their normal form (see {@link dev.gigstream.messages.worker.Skills}). */
public record JobPosted(JobId jobId,
                        @NotPersonal String clientId,
                        @NotPersonal String title,
                        @PersonalData(subject = "clientId") String description,
                        @NotPersonal List<String> requiredSkills,
                        JobSite site,
                        ShiftWindow shift,
                        Money pay,
                        Instant postedAt) {
}
