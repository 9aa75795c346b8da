package dev.gigstream.messages.client;

public record ClientSuspended(String clientId, String reason, String adminId) {
}
