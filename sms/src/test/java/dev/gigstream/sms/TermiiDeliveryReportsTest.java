package dev.gigstream.sms;

import dev.gigstream.sms.DeliveryReport.Status;
import dev.gigstream.sms.SmsResult.Sent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Delivery reports as Termii posts them: signed bodies, prose statuses, Lagos times. */
class TermiiDeliveryReportsTest {

    private static final String KEY = "TLstandInKey0123456789";
    private static final String SECRET = "termii_secret_0123456789";
    private static final Instant NOW = Instant.parse("2026-12-07T13:45:12.345Z");

    private final TermiiStandIn termii = new TermiiStandIn(KEY, Clock.fixed(NOW, ZoneOffset.UTC));
    private final String messageId = ((Sent) new TermiiClient(TermiiSettings.of(termii.baseUrl(), KEY, "Gigstream"))
            .send("+2348031234567", "Your shift starts at 9")).messageId();

    @AfterEach
    void stop() {
        termii.close();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aReportSignedWithTheSecretKeyIsValid() {
        byte[] body = termii.deliveryReport(messageId, "Delivered");
        String signature = TermiiStandIn.signature(body, SECRET);

        assertThat(signature).hasSize(128).matches("[0-9a-f]+");
        assertThat(TermiiDeliveryReports.signatureValid(body, signature, SECRET)).isTrue();
        assertThat(TermiiDeliveryReports.signatureValid(body, signature.toUpperCase(Locale.ROOT), SECRET)).isTrue();
    }

    @Test
    void aSignatureOfAnotherBodyOrKeyOrNoneIsInvalid() {
        byte[] body = termii.deliveryReport(messageId, "Delivered");
        byte[] altered = termii.deliveryReport(messageId, "Message Failed");
        String signature = TermiiStandIn.signature(body, SECRET);

        assertThat(TermiiDeliveryReports.signatureValid(altered, signature, SECRET)).isFalse();
        assertThat(TermiiDeliveryReports.signatureValid(body, TermiiStandIn.signature(body, "another"), SECRET)).isFalse();
        assertThat(TermiiDeliveryReports.signatureValid(body, signature.substring(1), SECRET)).isFalse();
        assertThat(TermiiDeliveryReports.signatureValid(body, null, SECRET)).isFalse();
        assertThat(TermiiDeliveryReports.signatureValid(body, "", SECRET)).isFalse();
        assertThat(TermiiDeliveryReports.signatureValid(null, signature, SECRET)).isFalse();
        assertThat(TermiiDeliveryReports.signatureValid(body, signature, "")).isFalse();
    }

    @Test
    void aReportNamesTheTextItsStatusAndWhenItWasSentInLagosTime() {
        DeliveryReport report = TermiiDeliveryReports.parse(termii.deliveryReport(messageId,
                "DELIVERED | Message delivered to handset"));

        assertThat(report).isEqualTo(new DeliveryReport(messageId, Status.DELIVERED,
                "DELIVERED | Message delivered to handset", Instant.parse("2026-12-07T13:45:12Z")));
    }

    @Test
    void termiisDocumentedExampleIsRead() {
        DeliveryReport report = TermiiDeliveryReports.parse(bytes("""
                {"type":"outbound","message_id":"5964465985113503103","receiver":"2343459509389",
                 "sender":"N-Alert","message":"Your Termii confirmation code is 234u53.",
                 "sent_at":"2020-12-16 11:34:36","cost":"3.9","command":"deliver",
                 "status":"DELIVERED | Message delivered to handset","channel":"Number Api"}"""));

        assertThat(report.messageId()).isEqualTo("5964465985113503103");
        assertThat(report.status()).isEqualTo(Status.DELIVERED);
        assertThat(report.at()).isEqualTo(Instant.parse("2020-12-16T10:34:36Z"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "Delivered; DELIVERED",
            "DELIVERED | Message delivered to handset; DELIVERED",
            "Received; DELIVERED",
            "Message Failed; FAILED",
            "Rejected; FAILED",
            "Expired; FAILED",
            "DND Active on Phone Number; FAILED",
            "Message Sent; PENDING",
            "Sent; PENDING",
            "Queued at the operator; PENDING",
    })
    void termiisStatusTextsAreSorted(String rawStatus, Status status) {
        DeliveryReport report = TermiiDeliveryReports.parse(termii.deliveryReport(messageId, rawStatus));

        assertThat(report.status()).isEqualTo(status);
        assertThat(report.rawStatus()).isEqualTo(rawStatus);
    }

    @Test
    void aTimeWithAnOffsetIsTakenAsGiven() {
        DeliveryReport report = TermiiDeliveryReports.parse(bytes("""
                {"message_id":"77","status":"Delivered","sent_at":"2026-12-07T09:00:00+01:00"}"""));

        assertThat(report.at()).isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "[1, 2]",
            "\"Delivered\"",
            "{\"type\":\"device_status\",\"status\":\"disconnected\",\"device_id\":\"e0c5\",\"name\":\"TermiiWh\"}",
            "{\"status\":\"Delivered\",\"sent_at\":\"2026-12-07 10:00:00\"}",
            "{\"message_id\":\"77\",\"sent_at\":\"2026-12-07 10:00:00\"}",
            "{\"message_id\":\"77\",\"status\":\"\",\"sent_at\":\"2026-12-07 10:00:00\"}",
            "{\"message_id\":\"77\",\"status\":\"Delivered\"}",
            "{\"message_id\":\"77\",\"status\":\"Delivered\",\"sent_at\":\"yesterday\"}",
            "{\"message_id\":{\"id\":77},\"status\":\"Delivered\",\"sent_at\":\"2026-12-07 10:00:00\"}",
    })
    void aMalformedReportIsRefused(String body) {
        assertThatIllegalArgumentException().isThrownBy(() -> TermiiDeliveryReports.parse(bytes(body)));
    }

    @Test
    void noReportIsMadeForATextTermiiNeverTook() {
        assertThatIllegalArgumentException().isThrownBy(() -> termii.deliveryReport("404", "Delivered"));
    }
}
