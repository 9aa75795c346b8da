package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.ShiftWindow;

import java.util.List;

/**
 * Asks for the workers a job is best offered to next, answered with {@link WorkersToOffer}: those who fit
 * it (the skills, within reach of the site, available for the shift, not suspended), best first, leaving
 * out {@code excludedWorkerIds} (offered it already), at most {@code limit}. The shift's days and hours
 * are read in the zone of the pay's {@code currency}.
 */
public record FindWorkersToOffer(List<String> requiredSkills, GeoPoint site, ShiftWindow shift, Currency currency,
                                 List<String> excludedWorkerIds, int limit) {
}
