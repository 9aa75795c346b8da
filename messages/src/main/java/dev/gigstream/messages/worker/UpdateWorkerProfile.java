package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.WorkerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Replaces a worker's profile. {@code payout} may be null while the worker has not given one. */
public record UpdateWorkerProfile(@TargetAggregateIdentifier WorkerId workerId,
                                  List<String> skills,
                                  String bio,
                                  GeoPoint home,
                                  List<AvailabilityWindow> availability,
                                  PayoutAccount payout) {
}
