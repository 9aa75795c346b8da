package dev.gigstream.command.worker;

import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.worker.AvailabilityWindow;
import dev.gigstream.messages.worker.Badge;

import java.time.Instant;

import static dev.gigstream.messages.worker.WorkerErrorCode.ALREADY_PREMIUM;
import static dev.gigstream.messages.worker.WorkerErrorCode.BADGE_ALREADY_AWARDED;
import static dev.gigstream.messages.worker.WorkerErrorCode.INVALID_SKILL;
import static dev.gigstream.messages.worker.WorkerErrorCode.NO_SKILLS;
import static dev.gigstream.messages.worker.WorkerErrorCode.OVERLAPPING_AVAILABILITY;
import static dev.gigstream.messages.worker.WorkerErrorCode.TOO_MANY_AVAILABILITY_WINDOWS;
import static dev.gigstream.messages.worker.WorkerErrorCode.TOO_MANY_SKILLS;
import static dev.gigstream.messages.worker.WorkerErrorCode.WORKER_ID_TAKEN;

/** The reasons a worker refuses a command, each with its stable error code. */
final class WorkerRefused {

    private WorkerRefused() {
    }

    static RefusedException idTaken(WorkerId workerId) {
        return new RefusedException(WORKER_ID_TAKEN, "Worker " + workerId + " was registered already under another name;"
                + " a new worker needs a new id");
    }

    static RefusedException badgeAlreadyAwarded(WorkerId workerId, Badge badge) {
        return new RefusedException(BADGE_ALREADY_AWARDED, "Worker " + workerId + " already has the badge " + badge);
    }

    static RefusedException alreadyPremium(WorkerId workerId, Instant until) {
        return new RefusedException(ALREADY_PREMIUM, "Worker " + workerId + " is premium until " + until);
    }

    static RefusedException invalidSkill(WorkerId workerId, String why) {
        return new RefusedException(INVALID_SKILL, "Worker " + workerId + " listed an invalid skill: " + why);
    }

    static RefusedException noSkills(WorkerId workerId) {
        return new RefusedException(NO_SKILLS, "Worker " + workerId + " must list at least one skill");
    }

    static RefusedException tooManySkills(WorkerId workerId, int given, int max) {
        return new RefusedException(TOO_MANY_SKILLS,
                "Worker " + workerId + " listed " + given + " skills; at most " + max + " are allowed");
    }

    static RefusedException tooManyAvailabilityWindows(WorkerId workerId, int given, int max) {
        return new RefusedException(TOO_MANY_AVAILABILITY_WINDOWS,
                "Worker " + workerId + " gave " + given + " availability windows; at most " + max + " are allowed");
    }

    static RefusedException overlappingAvailability(WorkerId workerId, AvailabilityWindow a, AvailabilityWindow b) {
        return new RefusedException(OVERLAPPING_AVAILABILITY, "Worker " + workerId + " has overlapping availability on "
                + a.dayOfWeek() + ": " + a.from() + "-" + a.to() + " and " + b.from() + "-" + b.to());
    }
}
