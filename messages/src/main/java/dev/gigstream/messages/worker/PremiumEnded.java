package dev.gigstream.messages.worker;

public record PremiumEnded(String workerId) {
}
