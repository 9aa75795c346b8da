package dev.gigstream.sms;

import dev.gigstream.sms.DeliveryReport.Status;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Termii's delivery reports, posted to the webhook set in its console as JSON:
 * <pre>
 * X-Termii-Signature: (hex HMAC-SHA512 of the raw body, keyed with the account's secret key)
 * {"type": "outbound", "id": "…", "message_id": "5964465985113503103", "receiver": "2348031234567",
 *  "sender": "Gigstream", "message": "…", "sent_at": "2020-12-16 11:34:36", "cost": "3.9",
 *  "status": "DELIVERED | Message delivered to handset", "channel": "dnd"}
 * </pre>
 * The signature is checked on the raw bytes (never a re-serialized body) in constant time. Termii
 * names its statuses in prose, sometimes with an explanation after " | "; the text before it is
 * sorted into {@link Status}: Delivered and Received are {@code DELIVERED}; Message Failed, Rejected,
 * Expired and DND Active on Phone Number are {@code FAILED}; Message Sent and any text not known here
 * are {@code PENDING}, so an unfamiliar word never closes a text's fate. {@code sent_at} carries no
 * zone and Termii's documentation names none: it is read as Lagos time (WAT, UTC+1 all year), where
 * Termii is; a time with an offset is taken as given. The documentation calls the signature an
 * "HMAC SHA512 signature of the event payload" without naming its encoding: it is taken as hex (as
 * Paystack's, from the same market, is), in either case.
 */
public final class TermiiDeliveryReports {

    private static final ZoneId LAGOS = ZoneId.of("Africa/Lagos");
    private static final DateTimeFormatter SENT_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final Map<String, Status> STATUSES = Map.ofEntries(
            Map.entry("delivered", Status.DELIVERED),
            Map.entry("received", Status.DELIVERED),
            Map.entry("message failed", Status.FAILED),
            Map.entry("failed", Status.FAILED),
            Map.entry("rejected", Status.FAILED),
            Map.entry("expired", Status.FAILED),
            Map.entry("undelivered", Status.FAILED),
            Map.entry("dnd active on phone number", Status.FAILED),
            Map.entry("message sent", Status.PENDING),
            Map.entry("sent", Status.PENDING));

    private TermiiDeliveryReports() {
    }

    /** Whether {@code signatureHeader} is Termii's signature of exactly {@code rawBody} with {@code secretKey}. */
    public static boolean signatureValid(byte[] rawBody, String signatureHeader, String secretKey) {
        if (rawBody == null || signatureHeader == null || signatureHeader.isBlank() || secretKey == null
                || secretKey.isBlank()) {
            return false;
        }
        byte[] expected = sign(rawBody, secretKey).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signatureHeader.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    /** The hex signature Termii sends for {@code rawBody}. */
    static String sign(byte[] rawBody, String secretKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA512 is not available", e);
        }
    }

    /**
     * The report in {@code body}.
     *
     * @throws IllegalArgumentException when it is no JSON object, or lacks a message_id, a status or a
     *         readable sent_at
     */
    public static DeliveryReport parse(byte[] body) {
        JsonNode report;
        try {
            report = TermiiClient.JSON.readTree(body == null ? new byte[0] : body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("a Termii delivery report is JSON", e);
        }
        if (report == null || !report.isObject()) {
            throw new IllegalArgumentException("a Termii delivery report is a JSON object");
        }
        String messageId = text(report, "message_id");
        String rawStatus = text(report, "status");
        return new DeliveryReport(messageId, status(rawStatus), rawStatus, sentAt(text(report, "sent_at")));
    }

    /** Termii's status text, sorted; see the class comment. */
    static Status status(String rawStatus) {
        int bar = rawStatus.indexOf('|');
        String head = (bar < 0 ? rawStatus : rawStatus.substring(0, bar)).strip().toLowerCase(Locale.ROOT);
        return STATUSES.getOrDefault(head, Status.PENDING);
    }

    private static Instant sentAt(String sentAt) {
        try {
            return LocalDateTime.parse(sentAt, SENT_AT).atZone(LAGOS).toInstant();
        } catch (DateTimeException local) {
            try {
                return OffsetDateTime.parse(sentAt).toInstant();
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("a Termii delivery report's sent_at is unreadable: " + sentAt, e);
            }
        }
    }

    private static String text(JsonNode report, String field) {
        JsonNode value = report.path(field);
        if (!value.isValueNode() || value.isNull() || value.asText().isBlank()) {
            throw new IllegalArgumentException("a Termii delivery report has no " + field);
        }
        return value.asText().strip();
    }
}
