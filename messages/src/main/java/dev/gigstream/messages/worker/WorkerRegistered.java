package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.WorkerId;

public record WorkerRegistered(WorkerId workerId, String fullName) {
}
