package dev.gigstream.messages.escrow;

public record CheckoutOpened(String escrowId, String authorizationUrl) {
}
