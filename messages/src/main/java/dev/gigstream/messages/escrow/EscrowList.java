package dev.gigstream.messages.escrow;

import java.util.List;

/** A wrapper, so the element type survives a distributed query bus. */
public record EscrowList(List<EscrowView> items) {
}
