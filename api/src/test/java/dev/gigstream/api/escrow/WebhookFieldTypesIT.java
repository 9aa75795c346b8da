package dev.gigstream.api.escrow;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.paystack.PaystackClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field the application reads from a Paystack event has one JSON type: a signed delivery with
 * any such field of another type (an object or an array for an id, a string or a fraction for an
 * amount, null where the field is needed) is 400 WEBHOOK_MALFORMED and changes nothing, whatever the
 * event type. Paystack sends a delivery again for 72 hours after any 500, so none may be a 500.
 */
@PostgresIT
@TestPropertySource(properties = "gigstream.rate-limits.groups.webhooks.requests=100000")
class WebhookFieldTypesIT {

    /** The JSON types a field the application reads may have; a plan is an object or its code as a string. */
    enum Shape { INTEGER, TEXT, OBJECT, PLAN }

    /** A field the application reads: its dotted path in {@code data}, its type, and whether it must be there. */
    record Field(String path, Shape shape, boolean required) {
    }

    private static final Map<String, List<Field>> FIELDS_READ = new LinkedHashMap<>();

    static {
        List<Field> charge = List.of(new Field("id", Shape.INTEGER, false), new Field("status", Shape.TEXT, true),
                new Field("reference", Shape.TEXT, true), new Field("amount", Shape.INTEGER, true),
                new Field("currency", Shape.TEXT, true), new Field("fees", Shape.INTEGER, false),
                new Field("paid_at", Shape.TEXT, false), new Field("plan", Shape.PLAN, false),
                new Field("plan.plan_code", Shape.TEXT, false), new Field("customer", Shape.OBJECT, false),
                new Field("customer.email", Shape.TEXT, false));
        List<Field> transfer = List.of(new Field("id", Shape.INTEGER, false), new Field("reference", Shape.TEXT, true),
                new Field("amount", Shape.INTEGER, false), new Field("currency", Shape.TEXT, false));
        List<Field> chargeback = List.of(new Field("id", Shape.INTEGER, true), new Field("transaction", Shape.OBJECT, true),
                new Field("transaction.reference", Shape.TEXT, true), new Field("category", Shape.TEXT, false),
                new Field("refund_amount", Shape.INTEGER, false), new Field("currency", Shape.TEXT, false),
                new Field("created_at", Shape.TEXT, false), new Field("resolution", Shape.TEXT, false));
        List<Field> subscription = List.of(new Field("subscription_code", Shape.TEXT, true),
                new Field("email_token", Shape.TEXT, false), new Field("status", Shape.TEXT, false),
                new Field("next_payment_date", Shape.TEXT, false), new Field("plan", Shape.PLAN, false),
                new Field("plan.plan_code", Shape.TEXT, false), new Field("customer", Shape.OBJECT, false),
                new Field("customer.email", Shape.TEXT, false));
        FIELDS_READ.put("charge.success", charge);
        FIELDS_READ.put("transfer.success", transfer);
        FIELDS_READ.put("transfer.failed", transfer);
        FIELDS_READ.put("transfer.reversed", transfer);
        FIELDS_READ.put("refund.processed", List.of(new Field("transaction_reference", Shape.TEXT, true),
                new Field("refund_reference", Shape.TEXT, false), new Field("amount", Shape.INTEGER, true),
                new Field("currency", Shape.TEXT, true)));
        FIELDS_READ.put("charge.dispute.create", chargeback);
        FIELDS_READ.put("charge.dispute.resolve", chargeback);
        FIELDS_READ.put("subscription.create", subscription);
        FIELDS_READ.put("subscription.not_renew", subscription);
        FIELDS_READ.put("subscription.disable", subscription);
        FIELDS_READ.put("invoice.payment_failed", List.of(new Field("invoice_code", Shape.TEXT, true),
                new Field("subscription", Shape.OBJECT, false), new Field("subscription.subscription_code", Shape.TEXT, false)));
    }

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyFieldReadOfEveryEventTypeHasOneJsonType() {
        var market = new Marketplace(api);
        var hire = market.hiredShift();
        long recorded = recordedWebhooks();
        List<String> answers = new ArrayList<>();

        FIELDS_READ.forEach((event, fields) -> {
            ObjectNode sample = sample(event, hire);
            for (Field field : fields) {
                wrongValues(field).forEach((what, wrong) -> {
                    ObjectNode body = sample.deepCopy();
                    put((ObjectNode) body.get("data"), field.path(), wrong);
                    var answer = market.deliverSigned(body.toString());
                    String code = answer.isProblem() ? answer.json().path("code").asText() : "";
                    if (answer.status() != 400 || !code.equals("WEBHOOK_MALFORMED")) {
                        answers.add(event + " " + field.path() + " as " + what + ": " + answer.status() + " " + code);
                    }
                });
            }
        });

        assertThat(answers).as("deliveries not refused with 400 WEBHOOK_MALFORMED").isEmpty();
        assertThat(recordedWebhooks()).as("no delivery was recorded as applied").isEqualTo(recorded);
        JsonNode escrow = api.get("/api/v1/escrows/" + hire.escrowId(), hire.client().accessToken()).expect(200).json();
        assertThat(escrow.get("status").asText()).isEqualTo("AWAITING_FUNDING");
        assertThat(escrow.get("ledger").size()).isZero();
    }

    @Test
    void anEventWeDoNotActOnIsAcknowledgedWithoutReadingIt() {
        var market = new Marketplace(api);
        long recorded = recordedWebhooks();

        market.deliverSigned("{\"event\":\"paymentrequest.pending\",\"data\":{\"id\":{\"nested\":1},\"reference\":[1]}}")
                .expect(200);

        assertThat(recordedWebhooks()).isEqualTo(recorded);
    }

    /** Each value of another JSON type than the field's, by what it is; null too where the field is needed. */
    private static Map<String, JsonNode> wrongValues(Field field) {
        Map<String, JsonNode> wrong = new LinkedHashMap<>();
        var json = PaystackClient.JSON;
        var nodes = JsonNodeFactory.instance;
        wrong.put("an array", json.createArrayNode().add(1));
        wrong.put("a boolean", nodes.booleanNode(true));
        switch (field.shape()) {
            case INTEGER -> {
                wrong.put("an object", json.createObjectNode().put("value", 12));
                wrong.put("a numeric string", nodes.stringNode("12"));
                wrong.put("a fraction", nodes.numberNode(1.5));
                wrong.put("a whole float", nodes.numberNode(12.0));
            }
            case TEXT -> {
                wrong.put("an object", json.createObjectNode().put("value", "x"));
                wrong.put("a number", nodes.numberNode(12));
                wrong.put("a fraction", nodes.numberNode(1.5));
            }
            case OBJECT -> {
                wrong.put("a string", nodes.stringNode("x"));
                wrong.put("a number", nodes.numberNode(12));
            }
            case PLAN -> wrong.put("a number", nodes.numberNode(12));
        }
        if (field.required()) {
            wrong.put("null", nodes.nullNode());
        }
        return wrong;
    }

    /** Sets the dotted path, making the objects on the way when the sample has none there. */
    private static void put(ObjectNode data, String path, JsonNode value) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            data.set(path, value);
            return;
        }
        String head = path.substring(0, dot);
        if (!data.path(head).isObject()) {
            data.set(head, PaystackClient.JSON.createObjectNode());
        }
        put((ObjectNode) data.get(head), path.substring(dot + 1), value);
    }

    /** The event's sample from the Paystack stand-in's jar, about this hire's escrow where it names one. */
    private static ObjectNode sample(String event, Marketplace.Hire hire) {
        ObjectNode delivery;
        try (InputStream in = WebhookFieldTypesIT.class.getResourceAsStream("/webhooks/" + event + ".json")) {
            delivery = (ObjectNode) PaystackClient.JSON.readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ObjectNode data = (ObjectNode) delivery.get("data");
        switch (event) {
            case "charge.success" -> data.put("reference", hire.reference());
            case "transfer.success", "transfer.failed", "transfer.reversed" -> data.put("reference", hire.payout(1));
            case "refund.processed" -> data.put("transaction_reference", hire.reference());
            case "charge.dispute.create", "charge.dispute.resolve" ->
                    ((ObjectNode) data.get("transaction")).put("reference", hire.reference());
            default -> { }
        }
        return delivery;
    }

    private long recordedWebhooks() {
        return jdbc.sql("SELECT count(*) FROM paystack_webhook_event").query(Long.class).single();
    }
}
