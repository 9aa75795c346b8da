package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.WorkerId;

import java.time.Instant;

public record PremiumRenewalStopped(WorkerId workerId, Instant premiumUntil, @NotPersonal String reason) {
}
