package dev.gigstream.messages.job;

import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;

import java.time.Instant;
import java.util.List;

/** A job as the feed lists it; {@code distanceKm} only when the feed was asked around a point. */
public record JobFeedItem(String jobId,
                          String title,
                          List<String> requiredSkills,
                          JobSite site,
                          Double distanceKm,
                          ShiftWindow shift,
                          Money pay,
                          JobStatus status,
                          String clientId,
                          Instant postedAt) {

    public JobFeedItem withDistance(double km) {
        return new JobFeedItem(jobId, title, requiredSkills, site, km, shift, pay, status, clientId, postedAt);
    }
}
