package dev.gigstream.api.reach;

import java.util.Set;

/**
 * Every type of notification the inbox raises (the query side's notification inbox), plus the account's
 * suspension, which is told outside it: what a person may name in their preferences, and what the delivery
 * policy decides channels for. One list, so the two never disagree.
 */
public final class NotificationTypes {

    public static final Set<String> ALL = Set.of(
            "job.match", "application.received", "worker.hired", "escrow.funded", "shift.checked_in",
            "shift.checked_out", "shift.confirmed", "payout.completed", "escrow.refunded", "dispute.opened",
            "dispute.resolved", "rating.received", "badge.awarded", "premium.started", "premium.ended",
            "account.suspended", "account.reinstated");

    private NotificationTypes() {
    }

    public static boolean known(String type) {
        return ALL.contains(type);
    }
}
