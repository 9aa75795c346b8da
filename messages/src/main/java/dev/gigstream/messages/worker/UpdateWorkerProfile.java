package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;
import dev.gigstream.messages.common.WorkerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Replaces a worker's profile. {@code payout} may be null while the worker has not given one. */
public record UpdateWorkerProfile(@TargetAggregateIdentifier WorkerId workerId,
                                  @NotPersonal List<String> skills,
                                  @PersonalData(subject = "workerId") String bio,
                                  @PersonalData(subject = "workerId") GeoPoint home,
                                  List<AvailabilityWindow> availability,
                                  @PersonalData(subject = "workerId") PayoutAccount payout) {
}
