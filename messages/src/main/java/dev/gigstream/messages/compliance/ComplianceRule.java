package dev.gigstream.messages.compliance;

/** The compliance rules that raise flags for an admin to review; each is a named policy on the query side. */
public enum ComplianceRule {
    /** A worker did not come to several funded shifts within a window. */
    REPEATED_NO_SHOWS,
    /** Several disputes were opened against the same user (the party opposite the opener) within a window. */
    DISPUTES_AGAINST_USER,
    /** A client cancelled several jobs after paying into escrow within a window. */
    CANCELLATIONS_AFTER_FUNDING,
    /** A job, note, dispute or profile text carries contact or payment details meant to take the deal off the platform. */
    OFF_PLATFORM_CONTACT,
    /** A worker's consecutive live-location pings imply a speed no honest phone reports. */
    IMPOSSIBLE_SPEED,
    /** A worker checked in far from where their last live-location ping placed them. */
    FAR_CHECK_IN,
    /** Several workers are paid out to one and the same bank account. */
    SHARED_PAYOUT_ACCOUNT
}
