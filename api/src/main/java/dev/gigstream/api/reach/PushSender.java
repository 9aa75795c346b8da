package dev.gigstream.api.reach;

/** Sends one push notification to one device: Firebase Cloud Messaging, or the inbox (the embedded default). */
public interface PushSender {

    /** The provider's name in the delivery records ({@code fcm}, {@code inbox}). */
    String provider();

    SendResult send(Outgoing to, String token, NotificationTexts.Push push);
}
