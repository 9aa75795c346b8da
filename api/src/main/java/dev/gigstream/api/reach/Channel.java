package dev.gigstream.api.reach;

/**
 * The ways a notification can reach a person besides their inbox, which holds every notification
 * whatever else happens: the live WebSocket session, a push notification to a registered device, and a
 * text message to the account's phone.
 */
public enum Channel {
    WEBSOCKET, PUSH, SMS
}
