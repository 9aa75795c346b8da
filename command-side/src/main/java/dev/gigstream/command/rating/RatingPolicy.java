package dev.gigstream.command.rating;

import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.messages.rating.RatingErrorCode;
import dev.gigstream.messages.rating.RatingRules;

import java.time.Duration;
import java.time.Instant;

/**
 * How a finished job is rated: 1 to 5 whole stars, a comment of at most {@value #MAX_COMMENT}
 * characters, within {@link #WINDOW} of the job's end; ratings stay hidden until both parties rated
 * or {@link #REVEAL_AFTER} has passed (double-blind, so nobody rates in retaliation).
 */
final class RatingPolicy {

    static final Duration WINDOW = Duration.ofDays(RatingRules.WINDOW_DAYS);
    static final Duration REVEAL_AFTER = Duration.ofDays(RatingRules.REVEAL_AFTER_DAYS);
    static final int MAX_COMMENT = 1_000;

    private RatingPolicy() {
    }

    static void checkRating(int stars, String comment) {
        if (stars < 1 || stars > 5) {
            throw new RefusedException(RatingErrorCode.INVALID_RATING, "A rating is 1 to 5 stars, not " + stars);
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new RefusedException(RatingErrorCode.INVALID_RATING, "A comment has at most " + MAX_COMMENT + " characters");
        }
    }

    static boolean windowClosed(Instant finishedAt, Instant at) {
        return at.isAfter(finishedAt.plus(WINDOW));
    }

    static Instant revealAt(Instant finishedAt) {
        return finishedAt.plus(REVEAL_AFTER);
    }
}
