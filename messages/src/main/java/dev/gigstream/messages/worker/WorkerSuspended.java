package dev.gigstream.messages.worker;

/** {@code adminId} is null on events stored before admins were recorded. */
public record WorkerSuspended(String workerId, String reason, String adminId) {
}
