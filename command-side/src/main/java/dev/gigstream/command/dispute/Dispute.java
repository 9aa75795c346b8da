package dev.gigstream.command.dispute;

import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.dispute.AddEvidence;
import dev.gigstream.messages.dispute.DisputeOpened;
import dev.gigstream.messages.dispute.DisputeOutcome;
import dev.gigstream.messages.dispute.DisputeParty;
import dev.gigstream.messages.dispute.DisputeResolved;
import dev.gigstream.messages.dispute.DisputeStatus;
import dev.gigstream.messages.dispute.DisputeWithdrawn;
import dev.gigstream.messages.dispute.EvidenceAdded;
import dev.gigstream.messages.dispute.OpenDispute;
import dev.gigstream.messages.dispute.ResolveDispute;
import dev.gigstream.messages.dispute.WithdrawDispute;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A complaint about a funded job, from its opening by the client or the hired worker to its
 * withdrawal by the opener or an admin's decision. The {@code Job} decides whether a dispute may open
 * and starts it (so a job has one open dispute at most); the escrow freezes, the job learns of the
 * withdrawal or the decision and the decision is carried out by the lifecycle, from this aggregate's events.
 */
@Aggregate
public class Dispute {

    @AggregateIdentifier
    private DisputeId disputeId;
    private JobId jobId;
    private EscrowId escrowId;
    private String clientId;
    private WorkerId workerId;
    private String openedBy;
    private DisputeStatus status;
    private Money pay;
    private Money held;
    private DisputeOutcome outcome;
    private Money workerShare;
    private final Map<DisputeParty, Integer> evidence = new EnumMap<>(DisputeParty.class);
    /** Each piece of evidence by its id: who added it and its text. */
    private final Map<String, EvidenceAdded> evidenceById = new HashMap<>();

    protected Dispute() {
    }

    /**
     * Opens the dispute the {@code Job} decided may open (the job starts it in its own unit of work, where
     * it marks itself disputed): the parties come from the job, what the escrow holds from {@link EscrowHoldings}.
     */
    public static Dispute open(OpenDispute command, DisputedJob job, EscrowHoldings escrows, DisputePolicy policy) {
        Dispute dispute = new Dispute();
        DisputeParty openerRole = command.openedBy().equals(job.clientId()) ? DisputeParty.CLIENT : DisputeParty.WORKER;
        apply(new DisputeOpened(command.disputeId(), job.jobId(), job.escrowId(), job.clientId(), job.workerId(),
                command.openedBy(), openerRole, command.reason().strip(), command.details().strip(), job.pay(),
                escrows.held(job.escrowId()), command.at(), command.at().plus(policy.responseWindow())));
        return dispute;
    }

    @CommandHandler
    void handle(AddEvidence command) {
        DisputeParty party = partyOf(command.by());
        EvidenceAdded added = evidenceById.get(command.evidenceId());
        if (added != null && !(added.by().equals(command.by()) && added.text().equals(stripped(command.text())))) {
            throw DisputeRefused.evidenceIdTaken(disputeId, command.evidenceId());
        }
        if (added != null) {
            return; // the same piece sent again: added already, even if the dispute has closed since
        }
        if (status != DisputeStatus.OPEN) {
            throw DisputeRefused.closed(disputeId, status);
        }
        DisputePolicy.checkEvidence(command.text());
        if (evidence.getOrDefault(party, 0) >= DisputePolicy.MAX_EVIDENCE_PER_PARTY) {
            throw DisputeRefused.tooMuchEvidence(disputeId, DisputePolicy.MAX_EVIDENCE_PER_PARTY);
        }
        apply(new EvidenceAdded(disputeId, jobId, command.evidenceId(), command.by(), party, command.text().strip(),
                command.at()));
    }

    @CommandHandler
    void handle(WithdrawDispute command) {
        partyOf(command.by());
        if (!command.by().equals(openedBy)) {
            throw DisputeRefused.notTheOpener(disputeId);
        }
        if (status == DisputeStatus.WITHDRAWN) {
            return; // withdrawn twice: nothing more to undo
        }
        if (status != DisputeStatus.OPEN) {
            throw DisputeRefused.closed(disputeId, status);
        }
        apply(new DisputeWithdrawn(disputeId, jobId, escrowId, command.by(), command.at()));
    }

    /**
     * A split gives the worker a share strictly between nothing and the whole pay; the client gets the
     * rest. Nothing is decided while the card network may still take the escrow's money back.
     */
    @CommandHandler
    void handle(ResolveDispute command, EscrowHoldings escrows) {
        Money share = switch (command.outcome()) {
            case RELEASE_TO_WORKER -> requireNoShare(command, pay);
            case REFUND_TO_CLIENT -> requireNoShare(command, Money.zero(pay.currency()));
            case SPLIT -> requireSplit(command.workerShare());
        };
        if (status == DisputeStatus.RESOLVED && command.outcome() == outcome && share.equals(workerShare)) {
            return; // the same decision sent again
        }
        if (status != DisputeStatus.OPEN) {
            throw DisputeRefused.closed(disputeId, status);
        }
        if (escrows.chargebackOpen(escrowId)) {
            throw DisputeRefused.chargebackOpen(disputeId, escrowId);
        }
        Money clientRefund = command.outcome() == DisputeOutcome.RELEASE_TO_WORKER ? Money.zero(pay.currency()) : held.minus(share);
        apply(new DisputeResolved(disputeId, jobId, escrowId, clientId, workerId, command.outcome(), share, clientRefund,
                command.note(), command.adminId(), command.at()));
    }

    private Money requireNoShare(ResolveDispute command, Money share) {
        if (command.workerShare() != null) {
            throw DisputeRefused.invalidShare(disputeId, pay);
        }
        return share;
    }

    private Money requireSplit(Money share) {
        if (share == null || !share.sameCurrencyAs(pay) || !share.isPositive() || !share.isLessThan(pay)) {
            throw DisputeRefused.invalidShare(disputeId, pay);
        }
        return share;
    }

    private static String stripped(String text) {
        return text == null ? null : text.strip();
    }

    private DisputeParty partyOf(String userId) {
        if (userId.equals(clientId)) {
            return DisputeParty.CLIENT;
        }
        if (userId.equals(workerId.value())) {
            return DisputeParty.WORKER;
        }
        throw DisputeRefused.notAParty(jobId);
    }

    @EventSourcingHandler
    void on(DisputeOpened event) {
        disputeId = event.disputeId();
        jobId = event.jobId();
        escrowId = event.escrowId();
        clientId = event.clientId();
        workerId = event.workerId();
        openedBy = event.openedBy();
        pay = event.pay();
        held = event.held();
        status = DisputeStatus.OPEN;
    }

    @EventSourcingHandler
    void on(EvidenceAdded event) {
        evidence.merge(event.party(), 1, Integer::sum);
        if (event.evidenceId() != null) {
            evidenceById.put(event.evidenceId(), event);
        }
    }

    @EventSourcingHandler
    void on(DisputeWithdrawn event) {
        status = DisputeStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(DisputeResolved event) {
        status = DisputeStatus.RESOLVED;
        outcome = event.outcome();
        workerShare = event.workerShare();
    }
}
