package dev.gigstream.messages.job;

import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.PersonalData;
import dev.gigstream.messages.common.WorkerId;

import java.time.Instant;

/** {@code automatic} when the platform checked the worker out (then no location). */
public record WorkerCheckedOut(JobId jobId,
                               WorkerId workerId,
                               @PersonalData(subject = "workerId") GeoPoint location,
                               double distanceMeters,
                               Instant at,
                               boolean automatic) {
}
