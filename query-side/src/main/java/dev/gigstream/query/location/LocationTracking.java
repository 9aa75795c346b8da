package dev.gigstream.query.location;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes a hired worker's ping: stores it unless it comes too soon ({@link PingRate}), and records an
 * {@link LocationSignals.Type#IMPLAUSIBLE_SPEED} signal when it is implausibly far from the worker's
 * previous ping ({@link SpeedPolicy}). Who may ping, and when, is the caller's to check.
 */
@Component
public class LocationTracking {

    private static final Logger log = LoggerFactory.getLogger(LocationTracking.class);

    private final LocationPings pings;
    private final LocationSignals signals;

    public LocationTracking(LocationPings pings, LocationSignals signals) {
        this.pings = pings;
        this.signals = signals;
    }

    public LocationPings.Acceptance record(LocationPing ping) {
        LocationPings.Acceptance acceptance = pings.accept(ping);
        if (acceptance instanceof LocationPings.Acceptance.Accepted accepted) {
            accepted.previous().filter(previous -> SpeedPolicy.implausible(previous, ping)).ifPresent(previous -> {
                signals.implausibleSpeed(previous, ping);
                log.info("Location signal {} for worker {} on job {}", LocationSignals.Type.IMPLAUSIBLE_SPEED,
                        ping.workerId(), ping.jobId());
            });
        }
        return acceptance;
    }
}
