package dev.gigstream.messages.worker;

public record PremiumStarted(String workerId) {
}
