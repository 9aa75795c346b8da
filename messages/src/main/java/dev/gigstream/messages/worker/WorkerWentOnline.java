package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.WorkerId;

import java.time.Instant;

public record WorkerWentOnline(WorkerId workerId, Instant at) {
}
