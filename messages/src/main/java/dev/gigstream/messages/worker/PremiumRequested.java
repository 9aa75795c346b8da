package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.WorkerId;

public record PremiumRequested(WorkerId workerId, @NotPersonal String reference) {
}
