package dev.gigstream.messages.job;

/**
 * Why a worker is left out of a job's ranked applicants (and of its offers): stable codes a client can
 * act on. One rule decides them, the ranking's; a worker with none of these is listed.
 */
public enum EligibilityReason {
    /** No profile the ranking can read: no home, skills or availability set yet. */
    NO_PROFILE,
    /** The worker is suspended. */
    SUSPENDED,
    /** The worker lacks one or more of the job's required skills. */
    MISSING_SKILLS,
    /** The worker's home is more than 50 km from the site. */
    TOO_FAR,
    /** The worker's weekly availability does not cover the whole shift in its local time. */
    NOT_AVAILABLE
}
