package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.NotPersonal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Disputes freeze the money until an admin decides. {@code reason} names what froze it (e.g. {@code dispute <id>
 * opened}), never a person's words: events stored before issue 26 may hold the dispute opener's reason after the id.
 */
public record FreezeEscrow(@TargetAggregateIdentifier EscrowId escrowId, @NotPersonal String reason) {
}
