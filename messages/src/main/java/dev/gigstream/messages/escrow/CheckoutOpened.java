package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;

public record CheckoutOpened(EscrowId escrowId, String authorizationUrl) {
}
