package dev.gigstream.messages.admin;

import java.time.Instant;

/**
 * The money movements with {@code from <= at < to}, ordered by time (then id), a page of at most
 * {@code limit} at a time: the page after the movement {@code afterId} made at {@code afterAt}, or the
 * first page when both are null.
 */
public record FindMoneyMovements(Instant from, Instant to, Instant afterAt, String afterId, int limit) {

    public static FindMoneyMovements firstPage(Instant from, Instant to, int limit) {
        return new FindMoneyMovements(from, to, null, null, limit);
    }

    public FindMoneyMovements after(MoneyMovement last) {
        return new FindMoneyMovements(from, to, last.at(), last.movementId(), limit);
    }
}
