package dev.gigstream.messages.job;

import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.PersonalData;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.common.WorkerId;

import java.time.Instant;

/**
 * {@code shift} tells how late the check-in was (reliability) and when a worker who never checks
 * out is checked out automatically.
 */
public record WorkerCheckedIn(JobId jobId,
                              WorkerId workerId,
                              @PersonalData(subject = "workerId") GeoPoint location,
                              double distanceMeters,
                              Instant at,
                              ShiftWindow shift) {
}
