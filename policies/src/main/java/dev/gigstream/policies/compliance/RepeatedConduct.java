package dev.gigstream.policies.compliance;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.gigstream.messages.compliance.ComplianceFlagIds;
import dev.gigstream.messages.compliance.RaiseComplianceFlag;
import dev.gigstream.messages.dispute.DisputeOpened;
import dev.gigstream.messages.job.JobCancelled;
import dev.gigstream.messages.job.WorkerNoShow;
import dev.gigstream.query.common.InOrder;
import dev.gigstream.policies.compliance.Occurrences.Occurrence;
import dev.gigstream.policies.compliance.Occurrences.Tally;
import dev.gigstream.query.common.SharedProcessor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rules that count a user's conduct within a window: repeated no-shows (a worker), disputes
 * opened against a user, cancellations after funding (a client). Keeps per rule and subject the
 * occurrences still counting and the events already counted ({@code compliance_tallies}), so a
 * redelivered event counts once; times are the events' own timestamps. The events of different jobs
 * must be counted in the order they were stored, hence one ordered processor.
 */
@Component
@InOrder
@SharedProcessor(SharedProcessor.IN_ORDER_READ_MODELS)
@ProcessingGroup(FlagRaiser.RULES)
public class RepeatedConduct {

    static final String COLLECTION = "compliance_tallies";
    /** How many counted events a subject's tally remembers, to count each once however often it comes. */
    static final int MEMORY = 200;
    private static final String PENDING = "pending";
    private static final String COUNTED = "counted";

    private final MongoCollection<Document> tallies;
    private final RepeatedNoShowsPolicy noShows;
    private final DisputesAgainstUserPolicy disputes;
    private final CancellationsAfterFundingPolicy cancellations;
    private final JobFacts jobs;
    private final FlagRaiser raiser;

    public RepeatedConduct(MongoDatabase readModels, RepeatedNoShowsPolicy noShows, DisputesAgainstUserPolicy disputes,
                           CancellationsAfterFundingPolicy cancellations, JobFacts jobs, FlagRaiser raiser) {
        this.tallies = readModels.getCollection(COLLECTION);
        this.noShows = noShows;
        this.disputes = disputes;
        this.cancellations = cancellations;
        this.jobs = jobs;
        this.raiser = raiser;
    }

    @EventHandler
    void on(WorkerNoShow event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        count(noShows, noShows.subjectOf(event), new Occurrence(eventId, at, event.jobId().value()), "jobIds", replay);
    }

    @EventHandler
    void on(DisputeOpened event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        count(disputes, disputes.accusedIn(event), new Occurrence(eventId, at, event.disputeId().value()), "disputeIds", replay);
    }

    @EventHandler
    void on(JobCancelled event, @MessageIdentifier String eventId, @Timestamp Instant at, ReplayStatus replay) {
        String clientOfJob = jobs.of(event.jobId().value()).map(JobFacts.Facts::clientId).orElse(null);
        cancellations.clientCounted(event, clientOfJob).ifPresent(clientId ->
                count(cancellations, clientId, new Occurrence(eventId, at, event.jobId().value()), "jobIds", replay));
    }

    @ResetHandler
    void reset() {
        tallies.deleteMany(new Document());
    }

    /**
     * Counts the occurrence once. The flag is asked for before the tally is saved: if asking fails, the
     * event comes again and is counted as the first time, finding the same flag.
     */
    private void count(CountingRule rule, String subjectId, Occurrence occurrence, String aboutLabel, ReplayStatus replay) {
        String id = rule.rule() + ":" + subjectId;
        Document tally = tallies.find(Filters.eq("_id", id)).first();
        if (tally != null && tally.getList(COUNTED, String.class, List.of()).contains(occurrence.eventId())) {
            return;
        }
        Tally counted = rule.count(pending(tally), occurrence);
        counted.finding().ifPresent(found -> raiser.raise(flag(rule, subjectId, found, aboutLabel), replay.isReplay()));
        tallies.updateOne(Filters.eq("_id", id), Updates.combine(
                        Updates.set(PENDING, counted.pending().stream().map(RepeatedConduct::document).toList()),
                        Updates.pushEach(COUNTED, List.of(occurrence.eventId()), new PushOptions().slice(-MEMORY))),
                new UpdateOptions().upsert(true));
    }

    private static RaiseComplianceFlag flag(CountingRule rule, String subjectId, List<Occurrence> found, String aboutLabel) {
        List<String> evidence = found.stream().map(Occurrence::eventId).toList();
        return new RaiseComplianceFlag(ComplianceFlagIds.of(rule.rule(), subjectId, evidence), rule.rule(), subjectId,
                evidence, Map.of(
                        "count", String.valueOf(found.size()),
                        "threshold", String.valueOf(rule.occurrences().threshold()),
                        "window", rule.occurrences().window().toString(),
                        "from", found.get(0).at().toString(),
                        "to", found.get(found.size() - 1).at().toString(),
                        aboutLabel, found.stream().map(Occurrence::about).collect(Collectors.joining(","))),
                found.get(found.size() - 1).at());
    }

    private static List<Occurrence> pending(Document tally) {
        return tally == null ? List.of() : tally.getList(PENDING, Document.class, List.of()).stream()
                .map(doc -> new Occurrence(doc.getString("eventId"), doc.getDate("at").toInstant(), doc.getString("about")))
                .toList();
    }

    private static Document document(Occurrence occurrence) {
        return new Document("eventId", occurrence.eventId()).append("at", Date.from(occurrence.at()))
                .append("about", occurrence.about());
    }
}
