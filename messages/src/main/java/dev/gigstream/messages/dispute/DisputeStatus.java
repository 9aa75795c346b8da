package dev.gigstream.messages.dispute;

public enum DisputeStatus {
    OPEN, RESOLVED, WITHDRAWN
}
