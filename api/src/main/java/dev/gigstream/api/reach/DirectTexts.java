package dev.gigstream.api.reach;

/**
 * Text messages sent at once to a number, outside the notifications: a phone verification code. They
 * go through the same SMS caps and daily budget as the notifications' text messages, and each is
 * recorded with its outcome; where nothing may be sent out (the embedded default) the text lands in the
 * person's inbox as a notification naming the SMS channel.
 */
public interface DirectTexts {

    /**
     * Sends {@code text} to {@code phone} (as the account holds it) for the user; {@code kind} names it in
     * the records ({@code phone.verification}).
     *
     * @throws DirectTextRefused when a cap or the budget refuses it, or the provider cannot take it now
     */
    void send(String userId, String phone, String kind, String text);
}
