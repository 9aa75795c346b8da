package dev.gigstream.messages.worker;

public record PremiumRequested(String workerId, String reference) {
}
