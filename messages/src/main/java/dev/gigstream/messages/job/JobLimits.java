package dev.gigstream.messages.job;

/**
 * Bounds on what a job may ask for, checked at the edge (so a request gets a field error) and again by
 * the {@code Job} (so no command can store a job that later arithmetic cannot handle).
 */
public final class JobLimits {

    /**
     * The most a shift may pay, in minor units: ₦10,000,000 or GH₵10,000,000. Far above any shift,
     * and far below where the fee arithmetic on it could overflow.
     */
    public static final long MAX_PAY = 1_000_000_000L;

    /** How many days ahead of its posting a shift may start. */
    public static final int HORIZON_DAYS = 365;

    /** How many hours a shift may last at most. */
    public static final int MAX_SHIFT_HOURS = 24;

    private JobLimits() {
    }
}
