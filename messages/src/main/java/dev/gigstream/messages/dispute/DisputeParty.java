package dev.gigstream.messages.dispute;

/** The side of a job a party of its dispute is on. */
public enum DisputeParty {
    CLIENT, WORKER
}
