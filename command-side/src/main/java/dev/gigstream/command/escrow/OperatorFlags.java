package dev.gigstream.command.escrow;

import dev.gigstream.messages.escrow.EscrowFlagCleared;
import dev.gigstream.messages.escrow.EscrowFlaggedForAdmin;
import dev.gigstream.messages.escrow.FlagEscrowForAdmin;
import dev.gigstream.messages.escrow.PayoutFlaggedForAdmin;
import dev.gigstream.messages.escrow.PayoutRetryRequested;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What an escrow asks of an operator: the reasons it was flagged, each with its cause (so the event
 * that resolves the cause clears the flag), and the payout stuck until an operator retries it.
 */
class OperatorFlags {

    /** Each flag's reason, with the cause that clears it (null: an operator does). */
    private final Map<String, String> reasons = new HashMap<>();
    private String stuckPayout;

    private boolean raised(String reason) {
        return reasons.containsKey(reason);
    }

    /** The reasons flagged for {@code cause}, in a stable order. */
    private List<String> raisedFor(String cause) {
        return reasons.entrySet().stream().filter(e -> Objects.equals(cause, e.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** Raises a flag once, and not at all when its cause is already {@code resolved}. */
    void flag(FlagEscrowForAdmin command, EscrowTerms terms, boolean resolved) {
        if (!raised(command.reason()) && !resolved) {
            apply(new EscrowFlaggedForAdmin(terms.escrowId(), terms.jobId(), command.reason(), command.cause()));
        }
    }

    /** The cause of some flags was resolved: they are cleared, flags about anything else stay. */
    void clear(String cause, EscrowTerms terms) {
        raisedFor(cause).forEach(reason -> apply(new EscrowFlagCleared(terms.escrowId(), terms.jobId(), reason, cause)));
    }

    /** The payout an operator may retry, or null. */
    String stuckPayout() {
        return stuckPayout;
    }

    @EventSourcingHandler
    void on(EscrowFlaggedForAdmin event) {
        reasons.put(event.reason(), event.cause());
    }

    @EventSourcingHandler
    void on(EscrowFlagCleared event) {
        reasons.remove(event.reason());
    }

    @EventSourcingHandler
    void on(PayoutFlaggedForAdmin event) {
        stuckPayout = event.payoutReference();
    }

    @EventSourcingHandler
    void on(PayoutRetryRequested event) {
        stuckPayout = null;
    }
}
