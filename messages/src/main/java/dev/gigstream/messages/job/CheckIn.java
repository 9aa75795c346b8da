package dev.gigstream.messages.job;

import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.PersonalData;
import dev.gigstream.messages.common.WorkerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The hired worker arrives: within the geofence, from an hour before the start. */
public record CheckIn(@TargetAggregateIdentifier JobId jobId,
                      WorkerId workerId,
                      @PersonalData(subject = "workerId") GeoPoint location,
                      Instant at) {
}
