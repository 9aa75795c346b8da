package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;
import dev.gigstream.messages.common.WorkerId;

import java.util.List;

/** The worker's whole profile after a change; skills are in their normal form (see {@link Skills}). */
public record WorkerProfileUpdated(WorkerId workerId,
                                   @NotPersonal List<String> skills,
                                   @PersonalData(subject = "workerId") String bio,
                                   @PersonalData(subject = "workerId") GeoPoint home,
                                   List<AvailabilityWindow> availability,
                                   @PersonalData(subject = "workerId") PayoutAccount payout) {
}
