package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.NotPersonal;

public record EscrowUnfrozen(EscrowId escrowId, @NotPersonal String reason) {
}
