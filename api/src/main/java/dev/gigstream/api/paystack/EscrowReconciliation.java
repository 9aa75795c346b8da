package dev.gigstream.api.paystack;

import dev.gigstream.messages.escrow.EscrowList;
import dev.gigstream.messages.escrow.EscrowStatus;
import dev.gigstream.messages.escrow.EscrowView;
import dev.gigstream.messages.escrow.FindStaleEscrows;
import dev.gigstream.paystack.PaystackApi;
import dev.gigstream.paystack.PaystackClient;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Escrows still awaiting their charge or their payout a while ({@code reconcile-after}) after the last
 * change: Paystack's verify endpoints say what became of the charge or the transfer.
 */
@Component
class EscrowReconciliation implements Reconciliation<EscrowView> {

    private final PaystackProperties properties;
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final PaystackClient paystack;

    EscrowReconciliation(PaystackProperties properties, QueryGateway queries, CommandGateway commands, PaystackClient paystack) {
        this.properties = properties;
        this.queries = queries;
        this.commands = commands;
        this.paystack = paystack;
    }

    @Override
    public String what() {
        return "escrow";
    }

    @Override
    public List<EscrowView> due(Instant now, int limit) {
        return queries.query(new FindStaleEscrows(now.minus(properties.reconcileAfter()), limit), EscrowList.class)
                .join().items();
    }

    @Override
    public String idOf(EscrowView escrow) {
        return escrow.escrowId();
    }

    @Override
    public boolean reconcile(EscrowView escrow) {
        var fact = escrow.status() == EscrowStatus.AWAITING_FUNDING
                ? PaystackFacts.ofCharge(paystack.verifyTransaction(escrow.reference()))
                : transferFact(paystack.verifyTransfer(escrow.pendingPayoutReference()));
        fact.ifPresent(commands::sendAndWait);
        return fact.isPresent();
    }

    /** A payout attempt not sent yet (waiting for a retry or an operator) is unknown to Paystack. */
    @Override
    public boolean expectsNotFound() {
        return true;
    }

    private static Optional<Object> transferFact(PaystackApi.Transfer transfer) {
        return PaystackFacts.eventOfTransferStatus(transfer.status()).flatMap(event -> PaystackFacts.ofTransfer(transfer.reference(), event));
    }
}
