package dev.gigstream.api.reach;

import java.util.List;
import java.util.Optional;

/** What the deliveries need to know of a recipient when a notification goes out, read at that moment. */
interface Recipients {

    /** Whether a WebSocket session of theirs is open on any instance. */
    boolean connected(String userId);

    /** Their registered devices' push tokens. */
    List<String> deviceTokens(String userId);

    /** A token the push provider says is no longer registered: the device is forgotten. */
    void forget(String token);

    NotificationPreferences preferences(String userId);

    /** Their phone number in E.164 form; empty without one that reads as a number. */
    Optional<String> phone(String userId);
}
