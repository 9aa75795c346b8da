package dev.gigstream.messages.client;

public record ClientReinstated(String clientId, String reason, String adminId) {
}
