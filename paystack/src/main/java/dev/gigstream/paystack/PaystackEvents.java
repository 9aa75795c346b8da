package dev.gigstream.paystack;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The data of the webhook events Gigstream acts on, as typed records read strictly: every field
 * read has one JSON type (a string, an integer, an object), and a value of another type anywhere
 * ({@code "amount": "12"} or {@code 1.5}, an id that is an object or an array, a reference that is a
 * number) or a needed field that is missing or null makes the whole delivery {@link Malformed}.
 * Fields no record names are not read, so they may be anything. Amounts are integers in the
 * currency's minor unit, times ISO-8601 strings.
 */
public final class PaystackEvents {

    /**
     * Paystack's JSON without Jackson's leniencies: no number from a string or a fraction, no string
     * from a number or a boolean, no time from a number (times are ISO-8601 strings).
     */
    static final JsonMapper STRICT = PaystackClient.JSON.rebuild()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .addModule(new SimpleModule("paystack-times").addDeserializer(Instant.class, new IsoInstant()))
            .build();

    private PaystackEvents() {
    }

    /**
     * The typed data of {@code event}, or empty for an event Gigstream does not act on (its data is not read).
     *
     * @throws Malformed when a field read has another JSON type than its own, or a needed one is missing
     */
    public static Optional<Data> read(String event, JsonNode data) {
        Class<? extends Data> type = switch (event) {
            case "charge.success" -> Charge.class;
            case "transfer.success", "transfer.failed", "transfer.reversed" -> Transfer.class;
            case "refund.processed" -> Refund.class;
            case "charge.dispute.create", "charge.dispute.resolve" -> Chargeback.class;
            case "subscription.create", "subscription.not_renew", "subscription.disable" -> Subscription.class;
            case "invoice.payment_failed" -> Invoice.class;
            default -> null;
        };
        if (type == null) {
            return Optional.empty();
        }
        if (data == null || !data.isObject()) {
            throw new Malformed("The " + event + " event's data is not an object");
        }
        try {
            return Optional.of(STRICT.treeToValue(data, type));
        } catch (JacksonException e) {
            throw new Malformed("The " + event + " event's data does not fit its type: " + e.getOriginalMessage());
        }
    }

    /** The data of an event Gigstream acts on; {@link #deliveryId()} tells a delivery from another of the same event. */
    public sealed interface Data permits Charge, Transfer, Refund, Chargeback, Subscription, Invoice {

        /** The same for every delivery of the same fact: Paystack sends a delivery again until it is answered 200. */
        String deliveryId();
    }

    /** {@code charge.success}: an escrow's payment, or a premium plan's (then {@code plan} names the plan). */
    public record Charge(Long id, String status, String reference, Long amount, String currency, Long fees,
                         Instant paidAt, Plan plan, Customer customer) implements Data {

        public Charge {
            required("reference", reference);
            required("status", status);
            required("amount", amount);
            required("currency", currency);
        }

        public boolean succeeded() {
            return "success".equals(status);
        }

        /** The plan's code, or null for a one-off payment (Paystack sends {@code "plan": {}} then). */
        public String planCode() {
            return plan == null ? null : plan.code();
        }

        public String customerEmail() {
            return customer == null ? null : customer.email();
        }

        /** As the client's verify endpoint reads the same charge. */
        public PaystackApi.Transaction transaction() {
            return new PaystackApi.Transaction(id == null ? 0 : id, status, reference, amount, currency, fees, paidAt, null);
        }

        @Override
        public String deliveryId() {
            return id != null ? id.toString() : reference;
        }
    }

    /** {@code transfer.success}, {@code transfer.failed}, {@code transfer.reversed}: a payout's outcome. */
    public record Transfer(Long id, String reference, Long amount, String currency) implements Data {

        public Transfer {
            required("reference", reference);
        }

        @Override
        public String deliveryId() {
            return id != null ? id.toString() : reference;
        }
    }

    /** {@code refund.processed}: a refund of the charge {@code transactionReference}, of {@code amount}. */
    public record Refund(String transactionReference, String refundReference, Long amount, String currency) implements Data {

        public Refund {
            required("transaction_reference", transactionReference);
            required("amount", amount);
            required("currency", currency);
        }

        @Override
        public String deliveryId() {
            return refundReference != null ? refundReference : transactionReference;
        }
    }

    /** {@code charge.dispute.create} and {@code .resolve}: a chargeback (Paystack calls it a dispute) on a charge. */
    public record Chargeback(Long id, ChargedTransaction transaction, String category, Long refundAmount, String currency,
                             Instant createdAt, String resolution) implements Data {

        public Chargeback {
            required("id", id);
            required("transaction", transaction);
        }

        @Override
        public String deliveryId() {
            return id.toString();
        }
    }

    /** The charge a chargeback is about. */
    public record ChargedTransaction(String reference) {

        public ChargedTransaction {
            required("transaction.reference", reference);
        }
    }

    /** {@code subscription.create}, {@code .not_renew}, {@code .disable}: a plan subscription's state. */
    public record Subscription(String subscriptionCode, String emailToken, String status, Instant nextPaymentDate,
                               Plan plan, Customer customer) implements Data {

        public Subscription {
            required("subscription_code", subscriptionCode);
        }

        public String planCode() {
            return plan == null ? null : plan.code();
        }

        public String customerEmail() {
            return customer == null ? null : customer.email();
        }

        @Override
        public String deliveryId() { // a subscription's events have no id of their own
            return subscriptionCode;
        }
    }

    /** {@code invoice.payment_failed}: a renewal charge of {@code subscription} failed. */
    public record Invoice(String invoiceCode, InvoicedSubscription subscription) implements Data {

        public Invoice {
            required("invoice_code", invoiceCode);
        }

        public String subscriptionCode() {
            return subscription == null ? null : subscription.subscriptionCode();
        }

        @Override
        public String deliveryId() {
            return invoiceCode;
        }
    }

    public record InvoicedSubscription(String subscriptionCode) {
    }

    /** A plan as events name it: an object with its {@code plan_code} (empty for no plan), or the code alone. */
    public record Plan(String code) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static Plan of(@JsonProperty("plan_code") String planCode) {
            return new Plan(planCode == null || planCode.isBlank() ? null : planCode);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Plan ofCode(String planCode) {
            return of(planCode);
        }
    }

    public record Customer(String email) {
    }

    private static void required(String field, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("\"" + field + "\" is required");
        }
    }

    /** A time as Paystack writes it, an ISO-8601 string; Jackson's own would also take a number as epoch seconds. */
    private static final class IsoInstant extends ValueDeserializer<Instant> {

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            try {
                return Instant.parse(parser.getString());
            } catch (DateTimeParseException e) {
                throw context.weirdStringException(parser.getString(), Instant.class, "not an ISO-8601 time");
            }
        }
    }

    /** A delivery whose data does not have the types its event's fields have. */
    public static final class Malformed extends RuntimeException {

        Malformed(String message) {
            super(message);
        }
    }
}
