package dev.gigstream.policies.compliance;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.gigstream.messages.job.HireLapsed;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.WorkerCheckedIn;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.query.common.InOrder;
import dev.gigstream.query.common.SequencedWrites;
import dev.gigstream.query.common.SharedProcessor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * What the compliance rules need to know of a job ({@code compliance_jobs}): its client, and the
 * events of its current hire and check-in, which are the evidence of the location flags.
 */
@Component
@InOrder
@SharedProcessor(SharedProcessor.IN_ORDER_READ_MODELS)
@ProcessingGroup(FlagRaiser.RULES)
public class JobFacts {

    static final String COLLECTION = "compliance_jobs";

    /** {@code hiredEventId} and {@code checkedInEventId} are null until then (and again after a lapsed hire). */
    public record Facts(String clientId, String workerId, String hiredEventId, String checkedInEventId) {
    }

    private final MongoCollection<Document> jobs;

    public JobFacts(MongoDatabase readModels) {
        this.jobs = readModels.getCollection(COLLECTION);
    }

    @EventHandler
    void on(JobPosted event, @SequenceNumber long sequence) {
        SequencedWrites.apply(jobs, event.jobId().value(), sequence, Updates.set("clientId", event.clientId()));
    }

    @EventHandler
    void on(WorkerHired event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        SequencedWrites.apply(jobs, event.jobId().value(), sequence, Updates.combine(Updates.set("workerId", event.workerId().value()),
                Updates.set("hiredEventId", eventId), Updates.unset("checkedInEventId")));
    }

    @EventHandler
    void on(HireLapsed event, @SequenceNumber long sequence) {
        SequencedWrites.apply(jobs, event.jobId().value(), sequence, Updates.combine(Updates.unset("workerId"),
                Updates.unset("hiredEventId"), Updates.unset("checkedInEventId")));
    }

    @EventHandler
    void on(WorkerCheckedIn event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        SequencedWrites.apply(jobs, event.jobId().value(), sequence, Updates.set("checkedInEventId", eventId));
    }

    @ResetHandler
    void reset() {
        jobs.deleteMany(new Document());
    }

    public Optional<Facts> of(String jobId) {
        return Optional.ofNullable(jobs.find(Filters.eq("_id", jobId)).first())
                .map(doc -> new Facts(doc.getString("clientId"), doc.getString("workerId"), doc.getString("hiredEventId"),
                        doc.getString("checkedInEventId")));
    }
}
