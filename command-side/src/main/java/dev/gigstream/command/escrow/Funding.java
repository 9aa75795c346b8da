package dev.gigstream.command.escrow;

import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.escrow.CheckoutOpened;
import dev.gigstream.messages.escrow.ConfirmEscrowFunded;
import dev.gigstream.messages.escrow.EscrowFlaggedForAdmin;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowStatus;
import dev.gigstream.messages.escrow.RecordCheckout;
import org.axonframework.eventsourcing.EventSourcingHandler;

import static dev.gigstream.messages.escrow.EscrowReferences.charge;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The client's payment into an escrow: the checkout Paystack opened for it, and the payment itself,
 * taken once and only for exactly the quoted total under the escrow's charge reference. A payment
 * after the escrow was cancelled is still taken (the money is ours to give back) and flagged.
 */
class Funding {

    private String checkoutUrl;
    private boolean funded;

    void openCheckout(RecordCheckout command, EscrowTerms terms, EscrowStatus status) {
        if (status == EscrowStatus.AWAITING_FUNDING && !command.authorizationUrl().equals(checkoutUrl)) {
            apply(new CheckoutOpened(terms.escrowId(), command.authorizationUrl()));
        }
    }

    void confirm(ConfirmEscrowFunded command, EscrowTerms terms, EscrowStatus status) {
        if (funded) {
            return;
        }
        Money total = terms.total();
        Money fee = command.processorFee();
        if (!charge(terms.escrowId()).equals(command.reference()) || !total.equals(command.paid())
                || !fee.sameCurrencyAs(total) || fee.isNegative() || fee.isGreaterThan(total)) {
            throw EscrowRefused.amountMismatch(terms.escrowId(), total, command.paid(), command.reference());
        }
        apply(new EscrowFunded(terms.escrowId(), terms.jobId(), total, fee, Ledger.funding(total, fee)));
        if (status == EscrowStatus.CANCELLED) {
            apply(new EscrowFlaggedForAdmin(terms.escrowId(), terms.jobId(),
                    "paid after the escrow was cancelled: refund the client"));
        }
    }

    @EventSourcingHandler
    void on(CheckoutOpened event) {
        checkoutUrl = event.authorizationUrl();
    }

    @EventSourcingHandler
    void on(EscrowFunded event) {
        funded = true;
    }
}
