package dev.gigstream.query.location;

import dev.gigstream.messages.job.WorkerCheckedIn;
import dev.gigstream.query.common.SharedProcessor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Compares every check-in with the worker's live location: a check-in more than
 * {@value #MAX_DISTANCE_KM} km from the worker's last ping in the {@link #LOOKBACK} before it is
 * recorded as a {@link LocationSignals.Type#CHECK_IN_FAR_FROM_PINGS} signal (the check-in passed the
 * geofence, so the phone claimed two places at once). No ping in that time, no signal. Pings are not
 * rebuilt by a replay, so a replay does not look again; a redelivered check-in records the same signal.
 * The signal names the check-in event as its cause.
 */
@Component
@SharedProcessor(SharedProcessor.JOB_READ_MODELS)
@ProcessingGroup(CheckInWatch.NAME)
public class CheckInWatch {

    public static final String NAME = "location-check-in-watch";
    public static final double MAX_DISTANCE_KM = 1.0;
    public static final Duration LOOKBACK = Duration.ofMinutes(30);

    private static final Logger log = LoggerFactory.getLogger(CheckInWatch.class);

    private final LocationPings pings;
    private final LocationSignals signals;

    public CheckInWatch(LocationPings pings, LocationSignals signals) {
        this.pings = pings;
        this.signals = signals;
    }

    @EventHandler
    @DisallowReplay
    void on(WorkerCheckedIn event, @MessageIdentifier String eventId) {
        pings.lastOfWorkerBetween(event.workerId().value(), event.at().minus(LOOKBACK), event.at()).ifPresent(last -> {
            double km = last.point().distanceKmTo(event.location());
            if (km > MAX_DISTANCE_KM) {
                signals.farCheckIn(event.workerId().value(), event.jobId().value(), event.location(), event.at(), last, km, eventId);
                log.info("Location signal {} for worker {} on job {}", LocationSignals.Type.CHECK_IN_FAR_FROM_PINGS,
                        event.workerId(), event.jobId());
            }
        });
    }
}
