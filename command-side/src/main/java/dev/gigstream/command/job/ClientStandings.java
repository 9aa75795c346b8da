package dev.gigstream.command.job;

/** The port through which a job learns whether its client may act; injected into its command handlers. */
public interface ClientStandings {

    boolean suspended(String clientId);
}
