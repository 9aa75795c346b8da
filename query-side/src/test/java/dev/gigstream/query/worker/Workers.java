package dev.gigstream.query.worker;

import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.worker.AvailabilityWindow;
import dev.gigstream.messages.worker.PremiumStarted;
import dev.gigstream.messages.worker.WorkerPhoneVerified;
import dev.gigstream.messages.worker.WorkerProfileUpdated;
import dev.gigstream.messages.worker.WorkerRegistered;
import dev.gigstream.messages.worker.WorkerSuspended;
import dev.gigstream.messages.worker.WorkerWentOnline;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

/** Puts workers into a {@link WorkerProfileProjection} the way their events would. */
public final class Workers {

    public static final List<AvailabilityWindow> EVERY_DAY = Arrays.stream(DayOfWeek.values())
            .map(day -> new AvailabilityWindow(day, LocalTime.MIDNIGHT, LocalTime.MAX))
            .toList();

    private Workers() {
    }

    public static void register(WorkerProfileProjection profiles, String workerId, GeoPoint home, List<String> skills,
                                Instant lastOnline) {
        profiles.on(new WorkerRegistered(WorkerId.of(workerId), "Worker " + workerId), 0);
        profiles.on(new WorkerProfileUpdated(WorkerId.of(workerId), skills, null, home, EVERY_DAY, null), 1);
        if (lastOnline != null) {
            profiles.on(new WorkerWentOnline(WorkerId.of(workerId), lastOnline), 2);
        }
    }

    /** A worker who signed up and has set no profile yet. */
    public static void registerWithoutProfile(WorkerProfileProjection profiles, String workerId) {
        profiles.on(new WorkerRegistered(WorkerId.of(workerId), "Worker " + workerId), 0);
    }

    public static void suspend(WorkerProfileProjection profiles, String workerId) {
        profiles.on(new WorkerSuspended(WorkerId.of(workerId), "suspended in a test", "admin-1"), 3);
    }

    public static void premium(WorkerProfileProjection profiles, String workerId, Instant until) {
        profiles.on(new PremiumStarted(WorkerId.of(workerId), until), 4);
    }

    public static void verifyPhone(WorkerProfileProjection profiles, String workerId) {
        profiles.on(new WorkerPhoneVerified(WorkerId.of(workerId)), 5);
    }
}
