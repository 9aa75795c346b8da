package dev.gigstream.messages.job;

public enum JobStatus {
    OPEN, HIRED, FUNDED, IN_PROGRESS, AWAITING_CONFIRMATION, COMPLETED, DISPUTED, CANCELLED, EXPIRED, NO_SHOW;

    public boolean acceptsApplications() {
        return this == OPEN;
    }

    /** The escrow holds the money: funded, and not yet released or refunded. */
    public boolean isBetweenFundingAndRelease() {
        return this == FUNDED || this == IN_PROGRESS || this == AWAITING_CONFIRMATION;
    }
}
