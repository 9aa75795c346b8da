package dev.gigstream.api.escrow;

import dev.gigstream.api.premium.PremiumWebhooks;
import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.paystack.PaystackApi;
import dev.gigstream.paystack.PaystackClient;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Applies a verified webhook delivery exactly once: the delivery's identity is recorded in the same
 * transaction as the commands it causes, so a redelivery (Paystack retries for 72 hours) changes
 * nothing. A delivery the escrow refuses (wrong amount, unknown reference) is logged and answered
 * 200: retrying it would never succeed.
 */
@Component
class PaystackWebhooks {

    private static final Logger log = LoggerFactory.getLogger(PaystackWebhooks.class);

    private final JdbcClient jdbc;
    private final CommandGateway commands;
    private final PremiumWebhooks premium;

    PaystackWebhooks(JdbcClient jdbc, CommandGateway commands, PremiumWebhooks premium) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.premium = premium;
    }

    /**
     * @return false when this delivery had been applied before
     * @throws Malformed when the signed delivery's {@code data} is not what the event carries (nothing is recorded)
     */
    @Transactional
    boolean apply(JsonNode delivery) {
        String event = delivery.path("event").asText("");
        JsonNode data = delivery.path("data");
        if (!data.isObject()) {
            throw new Malformed("The webhook's data is not an object");
        }
        String key = event + ":" + identity(event, data);
        if (jdbc.sql("SELECT count(*) FROM paystack_webhook_event WHERE event_key = :key").param("key", key)
                .query(Long.class).single() > 0) {
            return false;
        }
        command(event, data).ifPresentOrElse(this::send, () -> log.info("Paystack {} needs nothing from us", key));
        jdbc.sql("INSERT INTO paystack_webhook_event (event_key, event, received_at) VALUES (:key, :event, :now)")
            .param("key", key).param("event", event).param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
        return true;
    }

    private static String identity(String event, JsonNode data) {
        if (event.startsWith("refund.")) {
            return data.path("refund_reference").asText(data.path("transaction_reference").asText());
        }
        if (event.startsWith("subscription.")) { // a subscription's events have no id of their own
            return data.path("subscription_code").asText();
        }
        if (event.startsWith("invoice.")) {
            return data.path("invoice_code").asText();
        }
        return data.hasNonNull("id") ? data.path("id").asText() : data.path("reference").asText();
    }

    private Optional<Object> command(String event, JsonNode data) {
        try {
            return commandOf(event, data);
        } catch (JacksonException | DateTimeException | IllegalArgumentException e) {
            throw new Malformed("The webhook's data does not fit a " + event + " event: " + e.getMessage());
        }
    }

    private Optional<Object> commandOf(String event, JsonNode data) {
        if (premium.isPremiumCharge(data) || event.startsWith("subscription.") || event.startsWith("invoice.")) {
            return premium.command(event, data);
        }
        return switch (event) {
            case "charge.success" -> PaystackFacts.ofCharge(PaystackClient.JSON.treeToValue(data, PaystackApi.Transaction.class));
            case "transfer.success", "transfer.failed", "transfer.reversed" ->
                    PaystackFacts.ofTransfer(PaystackClient.JSON.treeToValue(data, PaystackApi.Transfer.class), event);
            case "refund.processed" -> PaystackFacts.ofRefund(data.path("transaction_reference").asText(),
                    data.path("amount").asLong(), data.path("currency").asText());
            case "charge.dispute.create", "charge.dispute.resolve" -> PaystackFacts.ofChargeback(data, event);
            default -> Optional.empty();
        };
    }

    private void send(Object command) {
        MDC.put("source", "paystack-webhook");
        try {
            commands.sendAndWait(command);
        } catch (RefusedException | CommandExecutionException | AggregateNotFoundException refused) {
            log.warn("Paystack webhook refused by the escrow: {} ({})", command, refused.getMessage());
        } finally {
            MDC.put("source", "api");
        }
    }

    /** A signed delivery whose data cannot be read: answered 400, and not recorded as applied. */
    static final class Malformed extends RuntimeException {

        Malformed(String message) {
            super(message);
        }
    }
}
