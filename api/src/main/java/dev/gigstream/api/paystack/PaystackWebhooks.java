package dev.gigstream.api.paystack;

import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.paystack.PaystackEvents;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

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
     * @return false when this delivery had been applied before, or is of an event we do not act on
     * @throws PaystackEvents.Malformed when a field of the signed delivery's {@code data} has another JSON type
     *         than its own (nothing is recorded)
     */
    @Transactional
    boolean apply(String event, JsonNode data) {
        Optional<PaystackEvents.Data> read = PaystackEvents.read(event, data);
        if (read.isEmpty()) {
            log.info("Paystack {} needs nothing from us", event);
            return false;
        }
        String key = event + ":" + read.get().deliveryId();
        if (jdbc.sql("SELECT count(*) FROM paystack_webhook_event WHERE event_key = :key").param("key", key)
                .query(Long.class).single() > 0) {
            return false;
        }
        command(event, read.get()).ifPresentOrElse(this::send, () -> log.info("Paystack {} needs nothing from us", key));
        jdbc.sql("INSERT INTO paystack_webhook_event (event_key, event, received_at) VALUES (:key, :event, :now)")
            .param("key", key).param("event", event).param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
        return true;
    }

    private Optional<Object> command(String event, PaystackEvents.Data data) {
        if (data instanceof PaystackEvents.Charge charge) {
            return premium.isPremiumCharge(charge) ? premium.renewed(charge) : PaystackFacts.ofCharge(charge.transaction());
        }
        if (data instanceof PaystackEvents.Transfer transfer) {
            return PaystackFacts.ofTransfer(transfer.reference(), event);
        }
        if (data instanceof PaystackEvents.Refund refund) {
            return PaystackFacts.ofRefund(refund.transactionReference(), refund.amount(), refund.currency());
        }
        if (data instanceof PaystackEvents.Chargeback chargeback) {
            return PaystackFacts.ofChargeback(chargeback, event);
        }
        if (data instanceof PaystackEvents.Subscription subscription) {
            return premium.command(event, subscription);
        }
        return premium.renewalFailed((PaystackEvents.Invoice) data);
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
}
