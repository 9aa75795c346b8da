package dev.gigstream.messages.worker;

public record WorkerReinstated(String workerId, String reason) {
}
