package dev.gigstream.command.compliance;

import dev.gigstream.messages.compliance.AcknowledgeComplianceFlag;
import dev.gigstream.messages.compliance.ComplianceFlagAcknowledged;
import dev.gigstream.messages.compliance.ComplianceFlagRaised;
import dev.gigstream.messages.compliance.RaiseComplianceFlag;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What a compliance rule found, for an admin to review: raised once by the policy that found it
 * (its id derives from the finding, so raising it again changes nothing) and acknowledged once by an admin.
 */
@Aggregate
public class ComplianceFlag {

    static final int MAX_NOTE_LENGTH = 2_000;

    @AggregateIdentifier
    private String flagId;
    private boolean acknowledged;

    protected ComplianceFlag() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RaiseComplianceFlag command) {
        if (flagId != null) {
            return; // the same finding raised again: a replayed policy, a redelivery or another instance
        }
        if (command.rule() == null || command.subjectId() == null || command.subjectId().isBlank()
                || command.evidence() == null || command.evidence().stream().anyMatch(id -> id == null || id.isBlank())
                || command.raisedAt() == null) {
            throw ComplianceRefused.invalidFlag(command.flagId());
        }
        apply(new ComplianceFlagRaised(command.flagId(), command.rule(), command.subjectId(), command.evidence(),
                command.details(), command.raisedAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AcknowledgeComplianceFlag command) {
        if (flagId == null) {
            throw ComplianceRefused.notFound(command.flagId());
        }
        if (acknowledged) {
            return; // acknowledged twice: the first acknowledgement stands
        }
        if (command.note() == null || command.note().isBlank() || command.note().length() > MAX_NOTE_LENGTH) {
            throw ComplianceRefused.invalidNote(MAX_NOTE_LENGTH);
        }
        apply(new ComplianceFlagAcknowledged(flagId, command.adminId(), command.note().strip(), command.at()));
    }

    @EventSourcingHandler
    void on(ComplianceFlagRaised event) {
        flagId = event.flagId();
    }

    @EventSourcingHandler
    void on(ComplianceFlagAcknowledged event) {
        acknowledged = true;
    }
}
