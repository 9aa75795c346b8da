package dev.gigstream.command.job;

/**
 * The port through which a job learns whether its client may act; injected into its command handlers and
 * answered from a command-side lookup table kept from the client's events, never by loading the client.
 */
public interface ClientStandings {

    boolean suspended(String clientId);
}
