package dev.gigstream.api.paystack;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.worker.FindPayoutAccount;
import dev.gigstream.messages.worker.PayoutAccountView;
import dev.gigstream.paystack.PaystackApi;
import dev.gigstream.paystack.PaystackClient;
import dev.gigstream.paystack.PaystackException;
import dev.gigstream.sagas.payment.PaymentProviderUnavailable;
import dev.gigstream.sagas.payment.Payouts;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Pays workers by Paystack transfer from the balance: a transfer recipient per worker and account
 * (created once, remembered), and our payout reference on every transfer, so a repeated attempt
 * asks Paystack what became of it instead of sending the money twice. Paystack not answering is
 * "unknown", never "failed": the payment saga tries the same reference again later.
 */
@Component
class PaystackPayouts implements Payouts {

    private static final Logger log = LoggerFactory.getLogger(PaystackPayouts.class);

    private final PaystackClient paystack;
    private final QueryGateway queries;
    private final JdbcClient jdbc;

    PaystackPayouts(PaystackClient paystack, QueryGateway queries, JdbcClient jdbc) {
        this.paystack = paystack.singleAttempt(); // the payment saga retries by its own deadlines
        this.queries = queries;
        this.jdbc = jdbc;
    }

    @Override
    public Outcome pay(String workerId, String reference, Money amount, String reason) {
        Optional<PayoutAccountView> account = queries.query(new FindPayoutAccount(workerId),
                ResponseTypes.optionalInstanceOf(PayoutAccountView.class)).join();
        if (account.isEmpty()) {
            log.warn("Worker {} has no payout account; payout {} cannot be sent", workerId, reference);
            return Outcome.FAILED;
        }
        try {
            String recipient = recipientFor(account.get(), amount.currency());
            return outcomeOf(paystack.initiateTransfer(PaystackApi.InitiateTransfer.fromBalance(amount.amount(), recipient,
                    reference, reason, amount.currency().name())));
        } catch (PaystackException e) {
            if (e.retryable()) {
                throw new PaymentProviderUnavailable("Paystack did not answer payout " + reference, e);
            }
            return whatBecameOf(reference, e);
        }
    }

    /**
     * Paystack refused the transfer. If it knows the reference (sent before, its answer lost), the
     * transfer's own status tells what happened; only a reference Paystack never saw failed for sure.
     */
    private Outcome whatBecameOf(String reference, PaystackException refusal) {
        try {
            return outcomeOf(paystack.verifyTransfer(reference));
        } catch (PaystackException e) {
            if (e.notFound()) {
                log.warn("Paystack refused payout {} ({} {}): {}", reference, refusal.httpStatus(), refusal.code(),
                        refusal.getMessage());
                return Outcome.FAILED;
            }
            throw new PaymentProviderUnavailable("Paystack could not say what became of payout " + reference, e);
        }
    }

    static Outcome outcomeOf(PaystackApi.Transfer transfer) {
        return switch (transfer.status()) {
            case "success" -> Outcome.SUCCEEDED;
            case "otp" -> Outcome.NEEDS_OTP;
            case "failed", "reversed", "abandoned", "rejected" -> Outcome.FAILED;
            default -> Outcome.PENDING;
        };
    }

    private String recipientFor(PayoutAccountView worker, Currency currency) {
        String accountKey = worker.account().bankCode() + ":" + worker.account().accountNumber() + ":" + currency;
        return jdbc.sql("SELECT recipient_code FROM paystack_recipient WHERE worker_id = :worker AND account_key = :key")
                .param("worker", worker.workerId()).param("key", accountKey)
                .query(String.class).optional()
                .orElseGet(() -> {
                    String code = paystack.createTransferRecipient(new PaystackApi.CreateTransferRecipient(
                            currency == Currency.GHS ? "ghipss" : "nuban", worker.account().accountName(),
                            worker.account().accountNumber(), worker.account().bankCode(), currency.name())).recipientCode();
                    jdbc.sql("INSERT INTO paystack_recipient (worker_id, account_key, recipient_code) VALUES (:w, :k, :c)")
                        .param("w", worker.workerId()).param("k", accountKey).param("c", code).update();
                    return code;
                });
    }
}
