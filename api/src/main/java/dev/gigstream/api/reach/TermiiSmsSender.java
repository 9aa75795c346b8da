package dev.gigstream.api.reach;

import dev.gigstream.sms.SmsResult;
import dev.gigstream.sms.TermiiClient;

/** Text messages through Termii, under the configured sender id and route. */
final class TermiiSmsSender implements SmsSender {

    static final String PROVIDER = "termii";

    private final TermiiClient client;

    TermiiSmsSender(TermiiClient client) {
        this.client = client;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public SendResult send(Outgoing to, String e164, String text) {
        SmsResult result = client.send(e164, text);
        if (result instanceof SmsResult.Sent sent) {
            return new SendResult.Sent(sent.messageId());
        }
        if (result instanceof SmsResult.RetryLater later) {
            return new SendResult.RetryLater(later.retryAfter());
        }
        if (result instanceof SmsResult.Unknown unknown) {
            return new SendResult.Unknown(unknown.reason());
        }
        return new SendResult.Rejected(((SmsResult.Rejected) result).reason());
    }
}
