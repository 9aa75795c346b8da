package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.WorkerId;

/** {@code adminId} is null on events stored before admins were recorded. */
public record WorkerSuspended(WorkerId workerId, String reason, String adminId) {
}
