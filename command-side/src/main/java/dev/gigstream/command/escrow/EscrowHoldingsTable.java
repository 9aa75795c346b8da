package dev.gigstream.command.escrow;

import dev.gigstream.command.dispute.EscrowHoldings;
import dev.gigstream.command.job.EscrowFunding;
import dev.gigstream.command.lookup.LookupTable;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.escrow.ChargebackLost;
import dev.gigstream.messages.escrow.ChargebackReceived;
import dev.gigstream.messages.escrow.ChargebackResolved;
import dev.gigstream.messages.escrow.EscrowCancelled;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowRefundStarted;
import dev.gigstream.messages.escrow.EscrowReleased;
import dev.gigstream.messages.escrow.LedgerAccount;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * What each escrow holds and which of its chargebacks hold that money, kept from the escrow's events
 * as {@link EscrowPayment} and its {@link Chargebacks} keep them (tables {@code escrow_holding} and
 * {@code escrow_chargeback}), for the disputes that must not load the escrow; and whether it was cancelled
 * unpaid ({@code escrow_cancelled}), for the check-in that must not wait for the lifecycle to tell the Job of
 * its funding. It runs in the subscribing processor {@value LookupTable#PROCESSING_GROUP}, in the unit of work
 * that stores the events.
 */
@ProcessingGroup(LookupTable.PROCESSING_GROUP)
public class EscrowHoldingsTable implements EscrowHoldings, EscrowFunding {

    private final LookupTable table;

    public EscrowHoldingsTable(LookupTable table) {
        this.table = table;
    }

    @Override
    public Money held(EscrowId escrowId) {
        return table.queryOne("SELECT held_amount, currency FROM escrow_holding WHERE escrow_id = ?",
                        row -> new Money(row.getLong(1), Currency.valueOf(row.getString(2))), escrowId.value())
                .orElseThrow(() -> new IllegalStateException("Escrow " + escrowId + " holds nothing: it was never funded"));
    }

    @Override
    public boolean chargebackOpen(EscrowId escrowId) {
        return table.queryOne("SELECT 1 FROM escrow_chargeback WHERE escrow_id = ? AND holding", row -> true, escrowId.value())
                .isPresent();
    }

    /**
     * Paid and holding the money: released, refunded or taken back in full it holds nothing; paid after it
     * was cancelled, the money is the client's again (the escrow is flagged for the refund). A chargeback
     * that holds the money does not make it unpaid, as the lifecycle does not either.
     */
    @Override
    public boolean funded(EscrowId escrowId) {
        return table.queryOne("SELECT 1 FROM escrow_holding h WHERE h.escrow_id = ? AND h.held_amount > 0"
                        + " AND NOT EXISTS (SELECT 1 FROM escrow_cancelled c WHERE c.escrow_id = h.escrow_id)",
                row -> true, escrowId.value()).isPresent();
    }

    /** The payment window closed unpaid. */
    @EventHandler
    void on(EscrowCancelled event) {
        table.upsert("UPDATE escrow_cancelled SET escrow_id = escrow_id WHERE escrow_id = ?", new Object[]{event.escrowId().value()},
                "INSERT INTO escrow_cancelled (escrow_id) VALUES (?)", new Object[]{event.escrowId().value()});
    }

    /** The money arrived; a chargeback Paystack told of before and has not resolved holds it. */
    @EventHandler
    void on(EscrowFunded event) {
        table.upsert("UPDATE escrow_holding SET held_amount = ?, currency = ? WHERE escrow_id = ?",
                new Object[]{event.funded().amount(), event.funded().currency().name(), event.escrowId().value()},
                "INSERT INTO escrow_holding (escrow_id, held_amount, currency) VALUES (?, ?, ?)",
                new Object[]{event.escrowId().value(), event.funded().amount(), event.funded().currency().name()});
        table.update("UPDATE escrow_chargeback SET holding = TRUE WHERE escrow_id = ? AND known AND NOT resolved",
                event.escrowId().value());
    }

    @EventHandler
    void on(EscrowReleased event) {
        table.update("UPDATE escrow_holding SET held_amount = 0 WHERE escrow_id = ?", event.escrowId().value());
    }

    @EventHandler
    void on(EscrowRefundStarted event) {
        table.update("UPDATE escrow_holding SET held_amount = 0 WHERE escrow_id = ?", event.escrowId().value());
    }

    @EventHandler
    void on(ChargebackReceived event) {
        table.upsert("UPDATE escrow_chargeback SET known = TRUE, holding = holding OR ? WHERE escrow_id = ? AND chargeback_id = ?",
                new Object[]{event.moneyHeld(), event.escrowId().value(), event.chargebackId()},
                "INSERT INTO escrow_chargeback (escrow_id, chargeback_id, known, resolved, holding) VALUES (?, ?, TRUE, FALSE, ?)",
                new Object[]{event.escrowId().value(), event.chargebackId(), event.moneyHeld()});
    }

    /** Only a resolution in the platform's favour lifts the hold; one Paystack did not document keeps it. */
    @EventHandler
    void on(ChargebackResolved event) {
        boolean won = Chargebacks.WON.equals(event.resolution());
        table.upsert("UPDATE escrow_chargeback SET resolved = TRUE, holding = holding AND NOT ? WHERE escrow_id = ? AND chargeback_id = ?",
                new Object[]{won, event.escrowId().value(), event.chargebackId()},
                "INSERT INTO escrow_chargeback (escrow_id, chargeback_id, known, resolved, holding) VALUES (?, ?, FALSE, TRUE, FALSE)",
                new Object[]{event.escrowId().value(), event.chargebackId()});
    }

    /** The card network took money back: the escrow holds less, and the lost chargeback no longer waits for Paystack. */
    @EventHandler
    void on(ChargebackLost event) {
        table.update("UPDATE escrow_holding SET held_amount = held_amount - ? WHERE escrow_id = ?",
                Ledger.sum(event.postings(), LedgerAccount.ESCROW), event.escrowId().value());
        table.update("UPDATE escrow_chargeback SET holding = FALSE WHERE escrow_id = ? AND chargeback_id = ?",
                event.escrowId().value(), event.chargebackId());
    }
}
