package dev.gigstream.api.reach;

import dev.gigstream.messages.notification.NotificationView;
import dev.gigstream.query.notifications.NotificationInbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded default's push notifications and text messages, which go nowhere outside: each lands in the
 * recipient's inbox as a notification of type {@value #PUSH_COPY} or {@value #SMS_COPY} whose details say
 * the channel, what it stands for (a notification's id, or a direct text's kind) and the text, and is pushed
 * to their sessions like any other. One copy per delivery and channel, whatever the devices and retries, raised
 * when what it stands for was (and kept as long).
 */
final class DeliveryCopies {

    static final String PUSH_COPY = "delivery.push";
    static final String SMS_COPY = "delivery.sms";
    static final String PROVIDER = "inbox";

    private final NotificationInbox inbox;

    DeliveryCopies(NotificationInbox inbox) {
        this.inbox = inbox;
    }

    PushSender pushes() {
        return new PushSender() {
            @Override
            public String provider() {
                return PROVIDER;
            }

            @Override
            public SendResult send(Outgoing to, String token, NotificationTexts.Push push) {
                return store(to, Channel.PUSH, PUSH_COPY, push.title() + ": " + push.body());
            }
        };
    }

    SmsSender texts() {
        return new SmsSender() {
            @Override
            public String provider() {
                return PROVIDER;
            }

            @Override
            public SendResult send(Outgoing to, String e164, String text) {
                return store(to, Channel.SMS, SMS_COPY, text);
            }
        };
    }

    private SendResult store(Outgoing to, Channel channel, String type, String text) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("channel", channel.name());
        details.put("standsFor", to.standsFor());
        details.put("text", text);
        NotificationView copy = inbox.storeCopy(to.deliveryId() + "/" + channel, to.userId(), type, to.at(), details);
        return new SendResult.Sent(copy.id());
    }
}
