package dev.gigstream.api.paystack;

import dev.gigstream.api.webhook.PaystackDeliveries;
import dev.gigstream.paystack.PaystackClient;
import dev.gigstream.paystack.PaystackEvents;
import dev.gigstream.paystack.WebhookSignature;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/** Paystack's webhook deliveries: the source and signature checked on the raw bytes, then read and applied once. */
@Component
class SignedDeliveries implements PaystackDeliveries {

    private final WebhookSignature signature;
    private final PaystackWebhooks webhooks;
    private final PaystackProperties properties;

    SignedDeliveries(WebhookSignature signature, PaystackWebhooks webhooks, PaystackProperties properties) {
        this.signature = signature;
        this.webhooks = webhooks;
        this.properties = properties;
    }

    @Override
    public boolean fromPaystack(String remoteAddress) {
        return !properties.webhookSourceCheck() || List.copyOf(properties.webhookSources()).contains(remoteAddress);
    }

    @Override
    public boolean signs(byte[] body, String signed) {
        return signature.isValid(body, signed);
    }

    @Override
    public Optional<Unreadable> apply(byte[] body) {
        JsonNode delivery;
        try {
            delivery = PaystackClient.JSON.readTree(body);
        } catch (JacksonException e) {
            return Optional.of(new Unreadable(Unreadable.Reason.NOT_READ, "The webhook body is not JSON"));
        }
        if (!delivery.isObject() || !delivery.path("event").isString()) {
            return Optional.of(new Unreadable(Unreadable.Reason.NOT_READ, "The webhook body has no event"));
        }
        try {
            webhooks.apply(delivery.path("event").asString(), delivery.path("data"));
        } catch (PaystackEvents.Malformed malformed) {
            return Optional.of(new Unreadable(Unreadable.Reason.MALFORMED, malformed.getMessage()));
        }
        return Optional.empty();
    }
}
