package dev.gigstream.command.worker;

import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.worker.AvailabilityWindow;
import dev.gigstream.messages.worker.PayoutAccount;
import dev.gigstream.messages.worker.UpdateWorkerProfile;
import dev.gigstream.messages.worker.WorkerProfileUpdated;
import dev.gigstream.messages.worker.WorkerRegistered;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/** Common givens for Worker specifications. */
final class WorkerMother {

    static final String WORKER_ID = "3f0d6a52-6a0e-4a53-9d43-0b9a2f5d8c11";
    static final String ADMIN_ID = "9a1e5c3b-27d4-4f0e-8b6a-5d2c1f0e9a77";
    static final GeoPoint YABA = new GeoPoint(6.5095, 3.3711);
    static final AvailabilityWindow MONDAY_DAY =
            new AvailabilityWindow(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(18, 0));
    static final PayoutAccount GTBANK = new PayoutAccount("058", "0123456789", "Ada Obi");

    private WorkerMother() {
    }

    static WorkerRegistered registered() {
        return new WorkerRegistered(WorkerId.of(WORKER_ID), "Ada Obi");
    }

    static UpdateWorkerProfile profileUpdate(List<String> skills) {
        return new UpdateWorkerProfile(WorkerId.of(WORKER_ID), skills, "Five years behind the bar", YABA, List.of(MONDAY_DAY), GTBANK);
    }

    static UpdateWorkerProfile profileUpdate(List<String> skills, List<AvailabilityWindow> availability) {
        return new UpdateWorkerProfile(WorkerId.of(WORKER_ID), skills, "Five years behind the bar", YABA, availability, GTBANK);
    }

    static WorkerProfileUpdated profileUpdated(List<String> normalSkills) {
        return new WorkerProfileUpdated(WorkerId.of(WORKER_ID), normalSkills, "Five years behind the bar", YABA, List.of(MONDAY_DAY),
                GTBANK);
    }
}
