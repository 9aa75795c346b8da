package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.NotPersonal;

public record CheckoutOpened(EscrowId escrowId, @NotPersonal String authorizationUrl) {
}
