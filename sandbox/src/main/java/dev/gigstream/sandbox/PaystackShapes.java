package dev.gigstream.sandbox;

import dev.gigstream.paystack.PaystackClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The sandbox's state written in Paystack's own JSON shapes: the data of its API answers and of its
 * webhooks (as in Paystack's documentation and the real deliveries in the paystack module's samples),
 * snake_case, times as UTC with milliseconds.
 */
final class PaystackShapes {

    private static final DateTimeFormatter PAYSTACK_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    static final long INTEGRATION = 412829;

    private PaystackShapes() {
    }

    static ObjectNode object() {
        return PaystackClient.JSON.createObjectNode();
    }

    /** GET /transaction/verify and the data of charge.success. */
    static ObjectNode transaction(SandboxStore.Transaction t, SandboxStore.Plan plan) {
        ObjectNode node = object()
                .put("id", t.id()).put("domain", "test").put("status", t.status()).put("reference", t.reference())
                .put("amount", t.amount()).putNull("message")
                .put("gateway_response", switch (t.status()) {
                    case "success" -> "Successful";
                    case "failed" -> "Declined";
                    default -> "The transaction was not completed";
                })
                .put("paid_at", time(t.paidAt())).put("created_at", time(t.createdAt())).put("channel", "card")
                .put("currency", t.currency()).put("ip_address", "127.0.0.1");
        node.set("metadata", metadata(t.metadata()));
        if (t.fees() == null) {
            node.putNull("fees");
        } else {
            node.put("fees", t.fees());
        }
        node.set("customer", customer(t.email()));
        node.set("authorization", authorization());
        node.set("plan", plan == null ? object() : plan(plan));
        return node;
    }

    static ObjectNode plan(SandboxStore.Plan plan) {
        return object().put("id", plan.id()).put("name", plan.name()).put("plan_code", plan.planCode())
                .putNull("description").put("amount", plan.amount()).put("interval", plan.interval())
                .put("send_invoices", true).put("send_sms", true).put("currency", plan.currency())
                .put("integration", INTEGRATION).put("domain", "test").put("hosted_page", false)
                .put("createdAt", time(plan.createdAt())).put("updatedAt", time(plan.createdAt()));
    }

    static ObjectNode recipient(SandboxStore.Recipient recipient) {
        ObjectNode node = object().put("active", true).put("domain", "test").put("recipient_code", recipient.code())
                .put("type", recipient.type()).put("name", recipient.name()).put("currency", recipient.currency())
                .put("integration", INTEGRATION);
        node.putObject("details").put("account_number", recipient.accountNumber()).put("bank_code", recipient.bankCode())
                .put("bank_name", "Sandbox Bank");
        return node;
    }

    /** POST /transfer, GET /transfer/verify and the data of transfer.* webhooks. */
    static ObjectNode transfer(SandboxStore.Transfer t, SandboxStore.Recipient recipient) {
        ObjectNode node = object()
                .put("amount", t.amount()).put("currency", t.currency()).put("domain", "test").putNull("failures")
                .put("id", t.id()).put("integration", INTEGRATION).put("reason", t.reason()).put("reference", t.reference())
                .put("source", "balance").putNull("source_details").put("status", t.status()).putNull("titan_code")
                .put("transfer_code", t.transferCode())
                .put("transferred_at", "success".equals(t.status()) ? time(t.updatedAt()) : null)
                .put("fee_charged", "NGN".equals(t.currency()) ? feeOfTransfer(t.amount()) : 0)
                .put("created_at", time(t.createdAt())).put("updated_at", time(t.updatedAt()))
                .put("createdAt", time(t.createdAt())).put("updatedAt", time(t.updatedAt()));
        if (recipient != null) {
            node.set("recipient", recipient(recipient));
        }
        return node;
    }

    /** POST /refund's answer. */
    static ObjectNode refund(SandboxStore.Refund refund, SandboxStore.Transaction charge) {
        ObjectNode node = object().put("id", refund.id()).put("integration", INTEGRATION).put("domain", "test")
                .put("status", refund.status()).put("amount", refund.amount()).put("deducted_amount", 0)
                .put("currency", refund.currency()).put("channel", "card").putNull("merchant_note")
                .putNull("customer_note").put("refunded_by", "sandbox@gigstream.local")
                .put("expected_at", time(refund.createdAt().plusSeconds(86_400)))
                .put("createdAt", time(refund.createdAt()));
        node.putObject("transaction").put("id", charge.id()).put("reference", charge.reference())
                .put("amount", charge.amount()).put("currency", charge.currency()).put("status", charge.status());
        return node;
    }

    /** The data of refund.processed. */
    static ObjectNode refundProcessed(SandboxStore.Refund refund, SandboxStore.Transaction charge) {
        ObjectNode node = object().put("status", "processed").put("transaction_reference", refund.transactionReference())
                .put("refund_reference", refund.refundReference()).put("amount", refund.amount())
                .put("currency", refund.currency()).put("processor", "card").put("integration", INTEGRATION)
                .put("domain", "test");
        node.putObject("customer").putNull("first_name").putNull("last_name").put("email", charge.email());
        return node;
    }

    /** The data of charge.dispute.create ({@code resolution} null) and charge.dispute.resolve. */
    static ObjectNode dispute(SandboxStore.Transaction charge, long disputeId, String resolution, Instant createdAt,
                              Instant now) {
        ObjectNode node = object().put("id", disputeId).put("refund_amount", charge.amount())
                .put("currency", charge.currency())
                .put("status", resolution == null ? "awaiting-merchant-feedback" : "resolved")
                .put("resolution", resolution).put("domain", "test").putNull("transaction_reference")
                .put("category", "chargeback").put("bin", "408408").put("last4", "4081")
                .put("dueAt", time(createdAt.plusSeconds(2 * 86_400)))
                .put("resolvedAt", resolution == null ? null : time(now))
                .putNull("evidence").putNull("attachments").putNull("note")
                .put("created_at", time(createdAt)).put("updated_at", time(now));
        node.putObject("transaction").put("id", charge.id()).put("domain", "test").put("status", charge.status())
                .put("reference", charge.reference()).put("amount", charge.amount()).put("currency", charge.currency())
                .put("paid_at", time(charge.paidAt()));
        node.set("customer", customer(charge.email()));
        node.putArray("history").addObject().put("status", "pending").put("by", charge.email())
                .put("createdAt", time(createdAt));
        node.putArray("messages").addObject().put("sender", charge.email())
                .put("body", "Raised from the Gigstream payments sandbox").put("createdAt", time(createdAt));
        return node;
    }

    /** GET /subscription and the data of subscription.* webhooks. */
    static ObjectNode subscription(SandboxStore.Subscription s, SandboxStore.Plan plan) {
        ObjectNode node = object().put("id", s.id()).put("domain", "test").put("status", s.status())
                .put("subscription_code", s.code()).put("email_token", s.emailToken()).put("amount", s.amount())
                .put("cron_expression", "0 0 * * *").put("next_payment_date", time(s.nextPaymentDate()))
                .putNull("open_invoice").put("integration", INTEGRATION)
                .put("createdAt", time(s.createdAt())).put("created_at", time(s.createdAt()));
        node.set("plan", plan(plan));
        node.set("authorization", authorization());
        node.set("customer", customer(s.email()));
        return node;
    }

    /** The data of invoice.payment_failed for a renewal of {@code s} that was declined. */
    static ObjectNode invoiceFailed(SandboxStore.Subscription s, SandboxStore.Plan plan, String invoiceCode,
                                    String chargeReference, Instant now) {
        ObjectNode node = object().put("domain", "test").put("invoice_code", invoiceCode).put("amount", s.amount())
                .put("period_start", time(now)).put("period_end", time(s.nextPaymentDate())).put("status", "failed")
                .put("paid", false).putNull("paid_at").putNull("description").put("created_at", time(now));
        node.set("authorization", authorization());
        node.putObject("subscription").put("status", s.status()).put("subscription_code", s.code())
                .put("email_token", s.emailToken()).put("amount", s.amount()).put("cron_expression", "0 0 * * *")
                .put("next_payment_date", time(s.nextPaymentDate())).put("open_invoice", invoiceCode);
        node.set("customer", customer(s.email()));
        node.putObject("transaction").put("reference", chargeReference).put("status", "failed")
                .put("amount", s.amount()).put("currency", plan.currency());
        return node;
    }

    /** Paystack keeps one customer per e-mail address; the sandbox derives its code from the address. */
    static ObjectNode customer(String email) {
        return object().put("id", Math.abs(digest(email).hashCode()) % 1_000_000_000L)
                .putNull("first_name").putNull("last_name").put("email", email)
                .put("customer_code", "CUS_" + digest(email).substring(0, 15)).putNull("phone").putNull("metadata")
                .put("risk_action", "default");
    }

    static ObjectNode authorization() {
        return object().put("authorization_code", "AUTH_sandbox0000").put("bin", "408408").put("last4", "4081")
                .put("exp_month", "12").put("exp_year", "2030").put("channel", "card").put("card_type", "visa ")
                .put("bank", "TEST BANK").put("country_code", "NG").put("brand", "visa").put("reusable", true)
                .put("signature", "SIG_sandbox0000000");
    }

    /** A webhook delivery: {@code {"event": ..., "data": ...}}. */
    static ObjectNode event(String event, JsonNode data) {
        ObjectNode node = object().put("event", event);
        node.set("data", data);
        return node;
    }

    static ObjectNode ok(String message, JsonNode data) {
        ObjectNode node = object().put("status", true).put("message", message);
        if (data != null) {
            node.set("data", data);
        }
        return node;
    }

    /** Paystack's error answer: {@code status: false}, a message, a type and a code. */
    static ObjectNode error(String message, String type, String code) {
        ObjectNode node = object().put("status", false).put("message", message).put("type", type).put("code", code);
        node.putObject("meta").put("nextStep", "See the message");
        return node;
    }

    /**
     * Paystack's local card fee: 1.5% plus ₦100 (the ₦100 waived under ₦2,500), at most ₦2,000; 1.95% for
     * cedis. Amounts in minor units.
     */
    static long feeOfCharge(long amount, String currency) {
        if ("GHS".equals(currency)) {
            return Math.round(amount * 0.0195);
        }
        long fee = Math.round(amount * 0.015) + (amount >= 250_000 ? 10_000 : 0);
        return Math.min(fee, 200_000);
    }

    /** Paystack's transfer fee in Nigeria: ₦10 up to ₦5,000, ₦25 up to ₦50,000, ₦50 above. */
    static long feeOfTransfer(long amount) {
        return amount <= 500_000 ? 1_000 : amount <= 5_000_000 ? 2_500 : 5_000;
    }

    static String time(Instant instant) {
        return instant == null ? null : PAYSTACK_TIME.format(instant);
    }

    private static JsonNode metadata(String json) {
        if (json == null || json.isBlank()) {
            return object();
        }
        return PaystackClient.JSON.readTree(json);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
