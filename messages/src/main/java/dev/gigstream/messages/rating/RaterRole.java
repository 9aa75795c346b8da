package dev.gigstream.messages.rating;

/** Which side of a job gave a rating: the client rates the worker, the worker rates the client. */
public enum RaterRole {
    CLIENT, WORKER
}
