package dev.gigstream.policies.compliance;

import dev.gigstream.messages.compliance.ComplianceFlagIds;
import dev.gigstream.messages.compliance.ComplianceRule;
import dev.gigstream.messages.compliance.RaiseComplianceFlag;
import dev.gigstream.query.location.LocationSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns live-location signals into flags: an implausible speed into {@link ComplianceRule#IMPOSSIBLE_SPEED}
 * when the {@link ImpossibleSpeedPolicy} agrees, a check-in far from the last ping into
 * {@link ComplianceRule#FAR_CHECK_IN} when the {@link FarCheckInPolicy} does. Pings are not events, so
 * the evidence is the job's hire and check-in events (the check-in that caused the signal first of
 * all) and the measurements go into the details. One flag per signal: its id follows from the signal's.
 */
@Component
public class LocationFlags implements LocationSignals.Listener {

    private static final Logger log = LoggerFactory.getLogger(LocationFlags.class);

    private final ImpossibleSpeedPolicy speed;
    private final FarCheckInPolicy farCheckIn;
    private final JobFacts jobs;
    private final FlagRaiser raiser;

    public LocationFlags(ImpossibleSpeedPolicy speed, FarCheckInPolicy farCheckIn, JobFacts jobs, FlagRaiser raiser) {
        this.speed = speed;
        this.farCheckIn = farCheckIn;
        this.jobs = jobs;
        this.raiser = raiser;
    }

    @Override
    public void recorded(LocationSignals.Recorded recorded) {
        LocationSignals.Signal signal = recorded.signal();
        switch (signal.type()) {
            case IMPLAUSIBLE_SPEED -> {
                if (speed.flags(number(signal, "leastSpeedKmh"))) {
                    raiseFromAPing(flag(ComplianceRule.IMPOSSIBLE_SPEED, recorded, "leastSpeedKmh", "distanceKm", "thresholdKmh"));
                }
            }
            case CHECK_IN_FAR_FROM_PINGS -> {
                if (farCheckIn.flags(number(signal, "distanceKm"))) {
                    // recorded while a check-in event is handled: a failure has the event delivered again
                    raiser.raise(flag(ComplianceRule.FAR_CHECK_IN, recorded, "distanceKm", "thresholdKm"), false);
                }
            }
        }
    }

    /**
     * A ping is answered whatever becomes of its flag: the ping is stored and the signal recorded for an
     * admin in any case, so a flag that cannot be raised now is logged rather than failing the ping.
     */
    private void raiseFromAPing(RaiseComplianceFlag flag) {
        try {
            raiser.raise(flag, false);
        } catch (RuntimeException e) {
            log.warn("Could not raise the {} flag {} for worker {}; its signal stays in location_signals", flag.rule(),
                    flag.flagId(), flag.subjectId(), e);
        }
    }

    private RaiseComplianceFlag flag(ComplianceRule rule, LocationSignals.Recorded recorded, String... measurements) {
        LocationSignals.Signal signal = recorded.signal();
        Set<String> evidence = new LinkedHashSet<>(recorded.eventIds());
        jobs.of(signal.jobId()).ifPresent(job -> {
            if (job.hiredEventId() != null) {
                evidence.add(job.hiredEventId());
            }
            if (job.checkedInEventId() != null) {
                evidence.add(job.checkedInEventId());
            }
        });
        Map<String, String> details = new LinkedHashMap<>();
        details.put("jobId", signal.jobId());
        details.put("signalId", recorded.signalId());
        for (String measurement : measurements) {
            Object value = signal.evidence().get(measurement);
            if (value != null) {
                details.put(measurement, value.toString());
            }
        }
        return new RaiseComplianceFlag(ComplianceFlagIds.of(rule, signal.workerId(), List.of(recorded.signalId())), rule,
                signal.workerId(), new ArrayList<>(evidence), details, signal.at());
    }

    private static double number(LocationSignals.Signal signal, String measurement) {
        return signal.evidence().get(measurement) instanceof Number value ? value.doubleValue() : 0;
    }
}
