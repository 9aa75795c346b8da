package dev.gigstream.messages.worker;

public record FindWorkerProfile(String workerId) {
}
