package dev.gigstream.command.dispute;

import java.time.Duration;

/**
 * How long the other party has to answer a dispute, when an open dispute counts as overdue for the
 * admins, and how much a party may write.
 */
public record DisputePolicy(Duration responseWindow, Duration overdueAfter) {

    public static final Duration DEFAULT_RESPONSE_WINDOW = Duration.ofHours(72);
    public static final Duration DEFAULT_OVERDUE_AFTER = Duration.ofDays(7);
    static final int MAX_REASON = 200;
    static final int MAX_TEXT = 5_000;
    static final int MAX_EVIDENCE_PER_PARTY = 20;

    public static DisputePolicy defaults() {
        return new DisputePolicy(DEFAULT_RESPONSE_WINDOW, DEFAULT_OVERDUE_AFTER);
    }

    public static void checkComplaint(String reason, String details) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw DisputeRefused.invalid("A dispute needs a reason of 1 to " + MAX_REASON + " characters");
        }
        if (details == null || details.isBlank() || details.length() > MAX_TEXT) {
            throw DisputeRefused.invalid("A dispute needs details of 1 to " + MAX_TEXT + " characters");
        }
    }

    static void checkEvidence(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw DisputeRefused.invalidEvidence("Evidence is a text of 1 to " + MAX_TEXT + " characters");
        }
    }
}
