package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.WorkerId;

import java.util.List;

/** The worker's whole profile after a change; skills are in their normal form (see {@link Skills}). */
public record WorkerProfileUpdated(WorkerId workerId,
                                   List<String> skills,
                                   String bio,
                                   GeoPoint home,
                                   List<AvailabilityWindow> availability,
                                   PayoutAccount payout) {
}
