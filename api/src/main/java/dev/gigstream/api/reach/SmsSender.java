package dev.gigstream.api.reach;

/** Sends one text message to a number in E.164 form: Termii, or the inbox (the embedded default). */
public interface SmsSender {

    /** The provider's name in the delivery records ({@code termii}, {@code inbox}). */
    String provider();

    SendResult send(Outgoing to, String e164, String text);
}
