package dev.gigstream.messages.job;

import dev.gigstream.messages.common.GeoPoint;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record CheckOut(@TargetAggregateIdentifier String jobId,
                       String workerId,
                       GeoPoint location,
                       Instant at) {
}
