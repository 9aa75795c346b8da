package dev.gigstream.messages.rating;

/**
 * The values of the rating rules that clients are told (the API's descriptions), as compile-time constants
 * from which command-side {@code RatingPolicy} derives its durations, so the rule and its description agree.
 */
public final class RatingRules {

    /** A finished job is rated within this many days of its end. */
    public static final int WINDOW_DAYS = 14;

    /** Ratings stay hidden until both parties rated or this many days passed since the job's end. */
    public static final int REVEAL_AFTER_DAYS = 7;

    private RatingRules() {
    }
}
