package dev.gigstream.policies.compliance;

import dev.gigstream.messages.compliance.ComplianceFlagIds;
import dev.gigstream.messages.compliance.ComplianceRule;
import dev.gigstream.messages.compliance.RaiseComplianceFlag;
import dev.gigstream.messages.dispute.DisputeOpened;
import dev.gigstream.messages.dispute.EvidenceAdded;
import dev.gigstream.messages.job.JobCancelled;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.WorkerApplied;
import dev.gigstream.messages.rating.RatingGiven;
import dev.gigstream.messages.worker.WorkerProfileUpdated;
import dev.gigstream.query.common.InOrder;
import dev.gigstream.query.common.SharedProcessor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the free texts users write (job titles and descriptions, application notes, dispute reasons,
 * details and evidence, rating comments, cancellation reasons, worker bios) with the
 * {@link ContactDetailsPolicy}, and flags the author when one carries contact or payment details:
 * one flag per event, with that event as its evidence. A bio is flagged once per set of findings,
 * however often the profile is saved with it.
 */
@Component
@InOrder
@SharedProcessor(SharedProcessor.IN_ORDER_READ_MODELS)
@ProcessingGroup(FlagRaiser.RULES)
public class ContactDetailsWatch {

    private final ContactDetailsPolicy policy;
    private final FlagRaiser raiser;

    public ContactDetailsWatch(ContactDetailsPolicy policy, FlagRaiser raiser) {
        this.policy = policy;
        this.raiser = raiser;
    }

    @EventHandler
    void on(JobPosted event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        check(event.clientId(), eventId, at, replay, Map.of("jobId", event.jobId().value()),
                Map.of("title", nullToEmpty(event.title()), "description", nullToEmpty(event.description())));
    }

    @EventHandler
    void on(WorkerApplied event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        check(event.workerId().value(), eventId, at, replay, Map.of("jobId", event.jobId().value()), Map.of("note", nullToEmpty(event.note())));
    }

    @EventHandler
    void on(DisputeOpened event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        check(event.openedBy(), eventId, at, replay, Map.of("jobId", event.jobId().value(), "disputeId", event.disputeId().value()),
                Map.of("reason", nullToEmpty(event.reason()), "details", nullToEmpty(event.details())));
    }

    @EventHandler
    void on(EvidenceAdded event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        check(event.by(), eventId, at, replay, Map.of("jobId", event.jobId().value(), "disputeId", event.disputeId().value()),
                Map.of("evidence", nullToEmpty(event.text())));
    }

    @EventHandler
    void on(RatingGiven event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        check(event.raterId(), eventId, at, replay, Map.of("jobId", event.jobId().value()), Map.of("comment", nullToEmpty(event.comment())));
    }

    @EventHandler
    void on(JobCancelled event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        check(event.cancelledBy(), eventId, at, replay, Map.of("jobId", event.jobId().value()), Map.of("reason", nullToEmpty(event.reason())));
    }

    @EventHandler
    void on(WorkerProfileUpdated event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        List<ContactDetailsPolicy.Finding> found = policy.findings(event.bio());
        if (!found.isEmpty()) {
            String findings = describe(found);
            raiser.raise(flag(event.workerId().value(), List.of("bio:" + findings), eventId, at, Map.of("bio", findings)),
                    replay.isReplay());
        }
    }

    /** Flags the author once for the event when any of its texts carries something; {@code context} names what it is about. */
    private void check(String authorId, String eventId, Instant at, ReplayStatus replay, Map<String, String> context,
                       Map<String, String> texts) {
        if (authorId == null) {
            return;
        }
        Map<String, String> details = new LinkedHashMap<>(context);
        texts.forEach((field, text) -> {
            List<ContactDetailsPolicy.Finding> found = policy.findings(text);
            if (!found.isEmpty()) {
                details.put(field, describe(found));
            }
        });
        if (details.size() > context.size()) {
            raiser.raise(flag(authorId, List.of(eventId), eventId, at, details), replay.isReplay());
        }
    }

    private static RaiseComplianceFlag flag(String authorId, List<String> findingKeys, String eventId, Instant at,
                                            Map<String, String> details) {
        return new RaiseComplianceFlag(ComplianceFlagIds.of(ComplianceRule.OFF_PLATFORM_CONTACT, authorId, findingKeys),
                ComplianceRule.OFF_PLATFORM_CONTACT, authorId, List.of(eventId), details, at);
    }

    private static String describe(List<ContactDetailsPolicy.Finding> found) {
        return found.stream().map(ContactDetailsPolicy.Finding::toString).collect(Collectors.joining("; "));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
