package dev.gigstream.messages.escrow;

public enum EscrowStatus {
    AWAITING_FUNDING, FUNDED, FROZEN, RELEASING, RELEASED, REFUNDING, REFUNDED, SPLIT, CANCELLED
}
