package dev.gigstream.messages.admin;

import java.util.List;

/** A wrapper, so the element type survives a distributed query bus. */
public record MoneyMovementPage(List<MoneyMovement> items) {
}
