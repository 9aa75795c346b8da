package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.WorkerId;

/** The worker's phone number is no longer verified: they changed it. */
public record WorkerPhoneVerificationCleared(WorkerId workerId) {
}
