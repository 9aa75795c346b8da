package dev.gigstream.messages.worker;

/** Where a worker's earnings go. Answered only inside the application, never over the API. */
public record FindPayoutAccount(String workerId) {
}
