package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;

public record EscrowFrozen(EscrowId escrowId, String reason) {
}
