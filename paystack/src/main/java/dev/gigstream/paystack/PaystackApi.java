package dev.gigstream.paystack;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Map;

/**
 * The requests and answers of the Paystack endpoints Gigstream uses, in Paystack's documented
 * shapes (snake_case on the wire). Amounts are integers in the currency's minor unit. Requests
 * leave their null fields out: an optional field Paystack is not given is absent, never null.
 */
public final class PaystackApi {

    private PaystackApi() {
    }

    /** POST /transaction/initialize; with a {@code plan} code Paystack subscribes the payer and charges the plan's amount. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InitializeTransaction(String email, long amount, String currency, String reference,
                                        String callbackUrl, Map<String, String> metadata, String plan) {

        /** A one-off payment: no plan. */
        public InitializeTransaction(String email, long amount, String currency, String reference,
                                     String callbackUrl, Map<String, String> metadata) {
            this(email, amount, currency, reference, callbackUrl, metadata, null);
        }

        /** The same checkout subscribing the payer to the plan with this code ({@code PLN_…}). */
        public InitializeTransaction withPlan(String planCode) {
            return new InitializeTransaction(email, amount, currency, reference, callbackUrl, metadata, planCode);
        }
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
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreateTransferRecipient(String type, String name, String accountNumber, String bankCode,
                                          String currency) {
    }

    public record TransferRecipient(String recipientCode, String name, String currency) {
    }

    /** POST /transfer from the balance; {@code reference} is ours and makes the call idempotent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
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
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreateRefund(String transaction, Long amount) {
    }

    public record Refund(long id, String status, long amount, String currency, RefundedTransaction transaction) {
    }

    public record RefundedTransaction(long id, String reference) {
    }

    /** POST /plan; {@code interval} is hourly, daily, weekly, monthly, quarterly, biannually or annually. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreatePlan(String name, String interval, long amount, String currency) {
    }

    /** POST /plan and GET /plan/{id_or_code}: Paystack names a plan by its {@code planCode} ({@code PLN_…}). */
    public record Plan(long id, String planCode, String name, long amount, String interval, String currency) {
    }

    /**
     * GET /subscription/{id_or_code}, and the data of subscription.* webhooks. {@code status} is active,
     * non-renewing (paid up, not renewing), attention (the last renewal charge failed), completed or
     * cancelled ({@code complete} in subscription.disable webhooks); {@code nextPaymentDate} is null
     * once it will not renew.
     */
    public record Subscription(String subscriptionCode, String emailToken, String status, long amount,
                               Instant nextPaymentDate, SubscriptionPlan plan, Customer customer) {

        /** Paystack will charge again at {@code nextPaymentDate}: active, or attention (the last charge failed). */
        public boolean renews() {
            return "active".equals(status) || "attention".equals(status);
        }

        /** Over for good: completed, complete or cancelled (non-renewing still runs to its period's end). */
        public boolean ended() {
            return "completed".equals(status) || "complete".equals(status) || "cancelled".equals(status);
        }
    }

    /** The plan inside a subscription or a renewal charge (no id in webhooks). */
    public record SubscriptionPlan(String planCode, String name, long amount, String interval, String currency) {
    }

    /** A Paystack customer, as embedded in subscriptions, charges and webhooks. */
    public record Customer(String customerCode, String email) {
    }

    /** POST /subscription/disable: the subscription's code and its {@code email_token}; the answer has no data. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DisableSubscription(String code, String token) {

        public static DisableSubscription of(Subscription subscription) {
            return new DisableSubscription(subscription.subscriptionCode(), subscription.emailToken());
        }
    }
}
