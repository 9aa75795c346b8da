package dev.gigstream.command.escrow;

import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.escrow.ChargebackLost;
import dev.gigstream.messages.escrow.ChargebackReceived;
import dev.gigstream.messages.escrow.ChargebackResolved;
import dev.gigstream.messages.escrow.EscrowFlaggedForAdmin;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowStatus;
import dev.gigstream.messages.escrow.EscrowUnfrozen;
import dev.gigstream.messages.escrow.FlagCauses;
import dev.gigstream.messages.escrow.LedgerAccount;
import dev.gigstream.messages.escrow.RecordChargeback;
import dev.gigstream.messages.escrow.RecordChargebackResolution;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The chargebacks Paystack told an escrow of (each recorded once) and the hold they put on its money.
 * A chargeback that arrives while the escrow holds the money keeps it frozen until Paystack resolves
 * it: only a resolution in the platform's favour lifts the hold, whoever opened or withdrew which
 * dispute meanwhile. A chargeback lost while the money was held keeps it frozen for good: the card
 * network took the money back, so nothing more is paid or refunded from it. The hold follows the
 * money, not the order Paystack's webhooks arrive in: a chargeback still open when the client's
 * payment is confirmed holds that money, and a loss paid from money the escrow held freezes it for good.
 */
class Chargebacks {

    /** Paystack's resolution when the bank declined the chargeback: the platform keeps the money. */
    static final String WON = "declined";
    /** Paystack's resolution when the merchant accepted the chargeback: the card network takes the money back. */
    private static final String LOST = "merchant-accepted";

    private final Set<String> known = new HashSet<>();
    private final Set<String> resolved = new HashSet<>();
    private final Set<String> holding = new LinkedHashSet<>();
    private String lostWhileHeld;

    private boolean knows(String chargebackId) {
        return known.contains(chargebackId);
    }

    boolean resolved(String chargebackId) {
        return resolved.contains(chargebackId);
    }

    /** Whether a chargeback, open or lost, keeps the money frozen. */
    boolean holdMoney() {
        return !holding.isEmpty() || lostWhileHeld != null;
    }

    /** Whether the escrow waits for Paystack to resolve a chargeback on the money it holds. */
    boolean open() {
        return !holding.isEmpty();
    }

    /** The chargeback that keeps the money frozen, for messages. */
    String holder() {
        return holding.isEmpty() ? lostWhileHeld : holding.iterator().next();
    }

    /**
     * A chargeback on the money the escrow holds freezes it until Paystack resolves the chargeback (a
     * dispute is opened for the client as well); one after the money left asks an operator to recover
     * it. Either way the escrow is flagged from the moment it arrives.
     */
    void record(RecordChargeback command, EscrowTerms terms, EscrowStatus status) {
        if (knows(command.chargebackId())) {
            return;
        }
        boolean moneyHeld = status == EscrowStatus.FUNDED || status == EscrowStatus.FROZEN;
        apply(new ChargebackReceived(terms.escrowId(), terms.jobId(), terms.clientId(), command.chargebackId(),
                command.reason(), moneyHeld, command.at()));
        apply(new EscrowFlaggedForAdmin(terms.escrowId(), terms.jobId(), moneyHeld
                ? "chargeback " + command.chargebackId() + " on the money the escrow holds: it stays frozen until Paystack"
                + " resolves the chargeback; contest it at Paystack"
                : "chargeback " + command.chargebackId() + " while the escrow is " + status
                + ": contest it at Paystack or recover the money", FlagCauses.chargeback(command.chargebackId())));
    }

    /**
     * Won ({@code declined}): its flag clears and, when nothing else freezes the money (neither a
     * dispute nor another chargeback), the escrow unfreezes. Lost: the card network took the money
     * back, paid first from what the escrow still {@code held} (which stays frozen for good), the rest
     * being the platform's loss. A resolution Paystack does not document is recorded and changes
     * nothing else: an operator looks at the flag.
     */
    void resolve(RecordChargebackResolution command, EscrowTerms terms, Money held, boolean frozenOnlyByChargebacks,
                 OperatorFlags flags) {
        String chargebackId = command.chargebackId();
        if (resolved(chargebackId)) {
            return;
        }
        apply(new ChargebackResolved(terms.escrowId(), terms.jobId(), chargebackId, command.resolution()));
        if (!knows(chargebackId)) {
            return; // Paystack never told us of it: recorded for the record
        }
        if (WON.equals(command.resolution())) {
            flags.clear(FlagCauses.chargeback(chargebackId), terms);
            if (frozenOnlyByChargebacks && !holdMoney()) {
                apply(new EscrowUnfrozen(terms.escrowId(), "chargeback " + chargebackId + " resolved in the platform's favour"));
            }
        } else if (LOST.equals(command.resolution())) {
            Money amount = takenBack(command.amount(), terms.total());
            apply(new ChargebackLost(terms.escrowId(), terms.jobId(), chargebackId, amount, Ledger.chargebackLost(held, amount)));
            flags.clear(FlagCauses.chargeback(chargebackId), terms);
            apply(new EscrowFlaggedForAdmin(terms.escrowId(), terms.jobId(), "chargeback " + chargebackId
                    + " lost: the card network took back " + amount.amount() + " " + amount.currency()
                    + " (see the ledger): recover the money or write it off", null));
        }
    }

    /** The amount a lost chargeback takes back: Paystack's, when it is a plausible part of the charge, else the whole charge. */
    private static Money takenBack(Money said, Money total) {
        return said != null && said.sameCurrencyAs(total) && said.isPositive() && !said.isGreaterThan(total) ? said : total;
    }

    @EventSourcingHandler
    void on(ChargebackReceived event) {
        known.add(event.chargebackId());
        if (event.moneyHeld()) {
            holding.add(event.chargebackId());
        }
    }

    @EventSourcingHandler
    void on(ChargebackResolved event) {
        resolved.add(event.chargebackId());
        if (WON.equals(event.resolution())) {
            holding.remove(event.chargebackId());
        } // a resolution Paystack did not document keeps the hold: an operator decides
    }

    /** Whether a chargeback Paystack told of is still unresolved (so money that arrives now is held). */
    boolean unresolved() {
        return known.stream().anyMatch(chargebackId -> !resolved.contains(chargebackId));
    }

    @EventSourcingHandler
    void on(EscrowFunded event) {
        known.stream().filter(chargebackId -> !resolved.contains(chargebackId)).forEach(holding::add);
    }

    @EventSourcingHandler
    void on(ChargebackLost event) {
        boolean paidFromHeldMoney = Ledger.sum(event.postings(), LedgerAccount.ESCROW) > 0;
        if (holding.remove(event.chargebackId()) || paidFromHeldMoney) {
            lostWhileHeld = event.chargebackId();
        }
    }
}
