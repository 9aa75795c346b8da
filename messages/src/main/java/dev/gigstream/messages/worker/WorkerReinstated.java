package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;
import dev.gigstream.messages.common.WorkerId;

/** {@code adminId} is null on events stored before admins were recorded. */
public record WorkerReinstated(WorkerId workerId, @PersonalData(subject = "workerId") String reason, @NotPersonal String adminId) {
}
