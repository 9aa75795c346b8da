package dev.gigstream.messages.escrow;

import java.time.Instant;

/** Escrows still waiting for Paystack since before {@code before}: unpaid charges and unconfirmed payouts. */
public record FindStaleEscrows(Instant before, int limit) {
}
