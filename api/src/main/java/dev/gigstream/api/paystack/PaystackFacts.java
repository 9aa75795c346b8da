package dev.gigstream.api.paystack;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.escrow.ConfirmEscrowFunded;
import dev.gigstream.messages.escrow.ConfirmPayout;
import dev.gigstream.messages.escrow.ConfirmRefund;
import dev.gigstream.messages.escrow.EscrowReferences;
import dev.gigstream.messages.escrow.FlagPayoutForAdmin;
import dev.gigstream.messages.escrow.RecordChargeback;
import dev.gigstream.messages.escrow.RecordChargebackResolution;
import dev.gigstream.messages.escrow.ReportPayoutFailure;
import dev.gigstream.paystack.PaystackApi;
import dev.gigstream.paystack.PaystackEvents;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * What Paystack tells us, as escrow commands: the same translation for webhooks, for the verify
 * endpoint and for the reconciliation sweep, so a fact has the same effect however it arrives.
 * References that are not ours (another integration on the same account) give no command.
 */
final class PaystackFacts {

    private PaystackFacts() {
    }

    static Optional<Object> ofCharge(PaystackApi.Transaction charge) {
        if (!charge.succeeded()) {
            return Optional.empty();
        }
        return EscrowReferences.escrowOfCharge(charge.reference()).flatMap(escrowId -> currency(charge.currency())
                .map(currency -> new ConfirmEscrowFunded(EscrowId.of(escrowId), charge.reference(), new Money(charge.amount(), currency),
                        new Money(charge.fees() == null ? 0 : charge.fees(), currency), charge.paidAt() == null ? Instant.now() : charge.paidAt())));
    }

    static Optional<Object> ofTransfer(String reference, String event) {
        return EscrowReferences.escrowOfPayout(reference).map(escrowId -> switch (event) {
            case "transfer.success" -> new ConfirmPayout(EscrowId.of(escrowId), reference);
            case "transfer.otp" -> new FlagPayoutForAdmin(EscrowId.of(escrowId), reference,
                    "Paystack asks for an OTP on transfers: disable OTP for transfers in the Paystack dashboard");
            default -> new ReportPayoutFailure(EscrowId.of(escrowId), reference,
                    event.equals("transfer.reversed") ? "the transfer was reversed" : "the transfer failed");
        });
    }

    /** A transfer as Paystack's verify endpoint reports it, as the webhook event it amounts to. */
    static Optional<String> eventOfTransferStatus(String status) {
        return switch (status) {
            case "success" -> Optional.of("transfer.success");
            case "failed" -> Optional.of("transfer.failed");
            case "reversed" -> Optional.of("transfer.reversed");
            case "otp" -> Optional.of("transfer.otp");
            default -> Optional.empty();
        };
    }

    static Optional<Object> ofRefund(String chargeReference, long amount, String currency) {
        return EscrowReferences.escrowOfCharge(chargeReference).flatMap(escrowId -> currency(currency)
                .map(c -> new ConfirmRefund(EscrowId.of(escrowId), new Money(amount, c))));
    }

    /**
     * A chargeback (Paystack calls it a dispute) on one of our charges: {@code charge.dispute.create}
     * records it on the escrow, {@code charge.dispute.resolve} records how it ended and how much was taken back.
     */
    static Optional<Object> ofChargeback(PaystackEvents.Chargeback dispute, String event) {
        String chargebackId = dispute.id().toString();
        return EscrowReferences.escrowOfCharge(dispute.transaction().reference())
                .map(escrowId -> event.equals("charge.dispute.create")
                        ? new RecordChargeback(EscrowId.of(escrowId), chargebackId, or(dispute.category(), "chargeback") + " of "
                        + (dispute.refundAmount() == null ? 0 : dispute.refundAmount()) + " " + or(dispute.currency(), ""),
                        dispute.createdAt() == null ? Instant.now() : dispute.createdAt())
                        : new RecordChargebackResolution(EscrowId.of(escrowId), chargebackId, or(dispute.resolution(), "unknown"),
                        amount(dispute.refundAmount(), dispute.currency())));
    }

    /** Paystack's {@code refund_amount} of a chargeback, or null when it did not say (the escrow then takes the charge). */
    private static Money amount(Long minorUnits, String currency) {
        return minorUnits == null ? null : currency(currency).map(c -> new Money(minorUnits, c)).orElse(null);
    }

    private static String or(String text, String otherwise) {
        return text == null ? otherwise : text;
    }

    private static Optional<Currency> currency(String code) {
        return Arrays.stream(Currency.values()).filter(c -> c.name().equals(code)).findFirst();
    }
}
