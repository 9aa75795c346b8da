package dev.gigstream.messages.worker;

import java.time.Instant;

public record WorkerWentOnline(String workerId, Instant at) {
}
