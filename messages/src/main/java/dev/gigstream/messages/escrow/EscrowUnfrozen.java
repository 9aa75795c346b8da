package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;

public record EscrowUnfrozen(EscrowId escrowId, String reason) {
}
