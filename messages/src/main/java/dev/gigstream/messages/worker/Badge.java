package dev.gigstream.messages.worker;

/** What a worker can earn, each once (awarded by the badge policy). */
public enum Badge {
    FIRST_SHIFT, TEN_SHIFTS, FIFTY_SHIFTS, FIVE_STAR_STREAK, RELIABLE, TOP_RATED
}
