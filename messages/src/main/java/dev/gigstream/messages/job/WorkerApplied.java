package dev.gigstream.messages.job;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.PersonalData;
import dev.gigstream.messages.common.WorkerId;

import java.time.Instant;

public record WorkerApplied(JobId jobId, WorkerId workerId, @PersonalData(subject = "workerId") String note, Instant appliedAt) {
}
