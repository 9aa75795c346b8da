package dev.gigstream.command.escrow;

import dev.gigstream.messages.escrow.ChargebackReceived;
import dev.gigstream.messages.escrow.ChargebackResolved;
import dev.gigstream.messages.escrow.EscrowFlaggedForAdmin;
import dev.gigstream.messages.escrow.PayoutFlaggedForAdmin;
import dev.gigstream.messages.escrow.PayoutRetryRequested;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashSet;
import java.util.Set;

/**
 * What an escrow asks of an operator: the reasons it was flagged, the payout stuck until an
 * operator retries it, and the chargebacks Paystack told of (each recorded once).
 */
class OperatorFlags {

    private final Set<String> reasons = new HashSet<>();
    private String stuckPayout;
    private final Set<String> chargebacks = new HashSet<>();
    private final Set<String> resolvedChargebacks = new HashSet<>();

    boolean raised(String reason) {
        return reasons.contains(reason);
    }

    /** The payout an operator may retry, or null. */
    String stuckPayout() {
        return stuckPayout;
    }

    boolean knowsChargeback(String chargebackId) {
        return chargebacks.contains(chargebackId);
    }

    boolean resolvedChargeback(String chargebackId) {
        return resolvedChargebacks.contains(chargebackId);
    }

    @EventSourcingHandler
    void on(EscrowFlaggedForAdmin event) {
        reasons.add(event.reason());
    }

    @EventSourcingHandler
    void on(PayoutFlaggedForAdmin event) {
        stuckPayout = event.payoutReference();
    }

    @EventSourcingHandler
    void on(PayoutRetryRequested event) {
        stuckPayout = null;
    }

    @EventSourcingHandler
    void on(ChargebackReceived event) {
        chargebacks.add(event.chargebackId());
    }

    @EventSourcingHandler
    void on(ChargebackResolved event) {
        resolvedChargebacks.add(event.chargebackId());
    }
}
