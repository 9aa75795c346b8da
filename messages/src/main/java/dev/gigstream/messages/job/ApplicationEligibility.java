package dev.gigstream.messages.job;

import java.util.List;

/**
 * The ranking's verdict on one worker for one job: {@code eligible} when {@code reasons} is empty.
 * {@code missingSkills} are the required skills the worker lacks, {@code distanceKm} how far their home
 * is from the site (null without a home). {@code workerSequence} is the last of the worker's own events
 * the profile read model had applied when it answered (-1 none), so a caller can tell an answer given
 * before the worker's latest profile change was read.
 */
public record ApplicationEligibility(String jobId,
                                     String workerId,
                                     boolean eligible,
                                     List<EligibilityReason> reasons,
                                     List<String> missingSkills,
                                     Double distanceKm,
                                     long workerSequence) {
}
