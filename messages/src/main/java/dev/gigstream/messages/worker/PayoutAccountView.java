package dev.gigstream.messages.worker;

public record PayoutAccountView(String workerId, String fullName, PayoutAccount account) {
}
