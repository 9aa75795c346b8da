package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.WorkerId;

/** The worker's phone number was verified (which number stays in the account, out of the events). */
public record WorkerPhoneVerified(WorkerId workerId) {
}
