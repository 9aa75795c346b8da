package dev.gigstream.messages.worker;

public record WorkerRegistered(String workerId, String fullName) {
}
