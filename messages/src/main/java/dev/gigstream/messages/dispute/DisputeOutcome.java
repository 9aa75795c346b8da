package dev.gigstream.messages.dispute;

/** How an admin settles a dispute: all to the worker, all back to the client, or a share each. */
public enum DisputeOutcome {
    RELEASE_TO_WORKER, REFUND_TO_CLIENT, SPLIT
}
