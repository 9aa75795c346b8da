package dev.gigstream.messages.worker;

public record WorkerSuspended(String workerId, String reason) {
}
