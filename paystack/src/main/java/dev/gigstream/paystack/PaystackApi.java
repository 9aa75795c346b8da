package dev.gigstream.paystack;

import java.time.Instant;
import java.util.Map;

/**
 * The requests and answers of the Paystack endpoints Gigstream uses, in Paystack's documented
 * shapes (snake_case on the wire). Amounts are integers in the currency's minor unit.
 */
public final class PaystackApi {

    private PaystackApi() {
    }

    /** POST /transaction/initialize */
    public record InitializeTransaction(String email, long amount, String currency, String reference,
                                        String callbackUrl, Map<String, String> metadata) {
    }

    public record InitializedTransaction(String authorizationUrl, String accessCode, String reference) {
    }

    /** GET /transaction/verify/{reference}, and the data of a charge.success webhook. */
    public record Transaction(long id, String status, String reference, long amount, String currency, Long fees,
                              Instant paidAt, Map<String, Object> metadata) {

        public boolean succeeded() {
            return "success".equals(status);
        }
    }

    /** POST /transferrecipient; {@code type} is nuban (Nigerian banks), ghipss (Ghanaian banks) or mobile_money. */
    public record CreateTransferRecipient(String type, String name, String accountNumber, String bankCode,
                                          String currency) {
    }

    public record TransferRecipient(String recipientCode, String name, String currency) {
    }

    /** POST /transfer from the balance; {@code reference} is ours and makes the call idempotent. */
    public record InitiateTransfer(String source, long amount, String recipient, String reference, String reason,
                                   String currency) {

        public static InitiateTransfer fromBalance(long amount, String recipient, String reference, String reason,
                                                   String currency) {
            return new InitiateTransfer("balance", amount, recipient, PaystackReference.require(reference), reason, currency);
        }
    }

    /** POST /transfer, GET /transfer/verify/{reference}, and the data of transfer.* webhooks. */
    public record Transfer(String reference, String transferCode, String status, long amount, String currency,
                           String reason) {

        public boolean succeeded() {
            return "success".equals(status);
        }

        /** Paystack wants an OTP for transfers: a dashboard setting an operator must turn off. */
        public boolean awaitingOtp() {
            return "otp".equals(status);
        }
    }

    /** POST /refund: {@code transaction} is the charge's reference or id; no amount refunds it whole. */
    public record CreateRefund(String transaction, Long amount) {
    }

    public record Refund(long id, String status, long amount, String currency, RefundedTransaction transaction) {
    }

    public record RefundedTransaction(long id, String reference) {
    }
}
