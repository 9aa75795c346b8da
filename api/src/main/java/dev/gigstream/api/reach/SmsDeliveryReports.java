package dev.gigstream.api.reach;

import dev.gigstream.sms.DeliveryReport;
import dev.gigstream.sms.TermiiDeliveryReports;

import java.time.Clock;

/**
 * Termii's delivery reports: checked against the secret key on the raw body, then the text's record moves
 * SENT → DELIVERED or FAILED by Termii's message id. A report heard again, or a "still on its way", changes
 * nothing. Without a secret key (Termii not chosen) no report is signed.
 */
public class SmsDeliveryReports {

    /** What became of one report. */
    public enum Outcome { APPLIED, BAD_SIGNATURE, MALFORMED, UNKNOWN_MESSAGE }

    private final DeliveryRecords records;
    private final String secretKey;
    private final Clock clock;

    SmsDeliveryReports(DeliveryRecords records, String secretKey, Clock clock) {
        this.records = records;
        this.secretKey = secretKey;
        this.clock = clock;
    }

    public Outcome receive(byte[] body, String signature) {
        if (secretKey == null || secretKey.isBlank() || body == null || signature == null
                || !TermiiDeliveryReports.signatureValid(body, signature, secretKey)) {
            return Outcome.BAD_SIGNATURE;
        }
        DeliveryReport report;
        try {
            report = TermiiDeliveryReports.parse(body);
        } catch (IllegalArgumentException e) {
            return Outcome.MALFORMED;
        }
        if (!records.knows(TermiiSmsSender.PROVIDER, report.messageId())) {
            return Outcome.UNKNOWN_MESSAGE;
        }
        if (report.status() != DeliveryReport.Status.PENDING) {
            records.reported(TermiiSmsSender.PROVIDER, report.messageId(), report.status() == DeliveryReport.Status.DELIVERED,
                    DeliveryReason.PROVIDER_REJECTED, clock.instant());
        }
        return Outcome.APPLIED;
    }
}
