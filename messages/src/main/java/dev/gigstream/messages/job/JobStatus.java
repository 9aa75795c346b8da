package dev.gigstream.messages.job;

public enum JobStatus {
    OPEN, HIRED, FUNDED, IN_PROGRESS, AWAITING_CONFIRMATION, COMPLETED, DISPUTED, CANCELLED, EXPIRED, NO_SHOW;

    public boolean acceptsApplications() {
        return this == OPEN;
    }
}
