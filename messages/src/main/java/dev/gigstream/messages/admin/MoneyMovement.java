package dev.gigstream.messages.admin;

import dev.gigstream.messages.common.Money;

import java.time.Instant;

/**
 * One money movement of an escrow, at the time of the event that made it. {@code reference} is the
 * Paystack reference the movement goes by (the charge's for a payment, its fee and its refund; the
 * transfer's for a payout), null for the service fee, which moves no money at Paystack.
 */
public record MoneyMovement(String movementId,
                            Instant at,
                            String escrowId,
                            String jobId,
                            MoneyMovementKind kind,
                            Money amount,
                            String reference) {
}
