package dev.gigstream.sagas.payment;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.escrow.ConfirmPayout;
import dev.gigstream.messages.escrow.FlagCauses;
import dev.gigstream.messages.escrow.FlagEscrowForAdmin;
import dev.gigstream.messages.escrow.FlagPayoutForAdmin;
import dev.gigstream.messages.escrow.RecordCheckout;
import dev.gigstream.messages.escrow.ReportPayoutFailure;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static dev.gigstream.messages.escrow.EscrowReferences.charge;

/**
 * One attempt of each call the payment saga makes to Paystack, with Paystack's answer told to the
 * escrow (or to an operator, through the escrow's flags). Each returns whether the call is done with;
 * false means Paystack did not answer and the saga tries again later, by a deadline of its own.
 */
final class ProviderCalls {

    private static final Logger log = LoggerFactory.getLogger(ProviderCalls.class);

    private ProviderCalls() {
    }

    /** A checkout Paystack refuses is not retried: the payment window decides. */
    static boolean checkout(String escrowId, String clientId, Money total, int attempt, Payments payments,
                            CommandGateway commands) {
        try {
            commands.sendAndWait(new RecordCheckout(EscrowId.of(escrowId), payments.openCheckout(escrowId, clientId, charge(EscrowId.of(escrowId)), total)));
        } catch (PaymentProviderUnavailable e) {
            log.warn("Checkout for escrow {} not opened (attempt {}): {}", escrowId, attempt, e.getMessage());
            return false;
        } catch (PaymentRefused e) {
            log.warn("Paystack refused the checkout of escrow {}: {}", escrowId, e.getMessage());
        }
        return true;
    }

    /** A transfer Paystack leaves unanswered {@code maxAttempts} times is an operator's to retry. */
    static boolean pay(String escrowId, String jobId, String workerId, String reference, Money amount, int attempt,
                       PaymentRetries retries, Payouts payouts, CommandGateway commands) {
        Payouts.Outcome outcome;
        try {
            outcome = payouts.pay(workerId, reference, amount, "Gigstream payout for job " + jobId);
        } catch (PaymentProviderUnavailable e) {
            if (attempt < retries.maxAttempts()) {
                return false;
            }
            commands.sendAndWait(new FlagPayoutForAdmin(EscrowId.of(escrowId), reference, "Paystack did not answer the payout " + reference
                    + " " + attempt + " times; retry once it is reachable"));
            return true;
        }
        switch (outcome) {
            case SUCCEEDED -> commands.sendAndWait(new ConfirmPayout(EscrowId.of(escrowId), reference));
            case FAILED -> commands.sendAndWait(new ReportPayoutFailure(EscrowId.of(escrowId), reference, "Paystack refused the transfer"));
            case NEEDS_OTP -> commands.sendAndWait(new FlagPayoutForAdmin(EscrowId.of(escrowId), reference,
                    "Paystack asks for an OTP on transfers: disable OTP for transfers in the Paystack dashboard, then retry"));
            case PENDING -> { } // transfer.success or transfer.failed (or the reconciliation sweep) tells
        }
        return true;
    }

    /** A refund is owed to the client: it is retried until Paystack answers, and an admin is told when it takes long. */
    static boolean refund(String escrowId, Money amount, int attempt, PaymentRetries retries, Payments payments,
                          CommandGateway commands) {
        try {
            payments.refund(charge(EscrowId.of(escrowId)), amount);
        } catch (PaymentProviderUnavailable e) {
            if (attempt == retries.maxAttempts()) {
                commands.sendAndWait(new FlagEscrowForAdmin(EscrowId.of(escrowId), "Paystack did not answer the refund of "
                        + amount.amount() + " " + amount.currency() + " " + attempt + " times; still trying", FlagCauses.REFUND));
            }
            return false;
        } catch (PaymentRefused e) {
            commands.sendAndWait(new FlagEscrowForAdmin(EscrowId.of(escrowId), "Paystack refused the refund of " + amount.amount() + " "
                    + amount.currency() + ": " + e.getMessage(), FlagCauses.REFUND));
        }
        return true;
    }
}
