package dev.gigstream.api.auth;

public enum Role {
    CLIENT, WORKER, ADMIN, AUDITOR;

    /** Only clients and workers sign themselves up; admins and auditors come from the environment. */
    public boolean selfService() {
        return this == CLIENT || this == WORKER;
    }
}
