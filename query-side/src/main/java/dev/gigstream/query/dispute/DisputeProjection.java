package dev.gigstream.query.dispute;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.gigstream.messages.dispute.DisputeList;
import dev.gigstream.messages.dispute.DisputeOpened;
import dev.gigstream.messages.dispute.DisputeOutcome;
import dev.gigstream.messages.dispute.DisputeParty;
import dev.gigstream.messages.dispute.DisputeResolved;
import dev.gigstream.messages.dispute.DisputeStatus;
import dev.gigstream.messages.dispute.DisputeView;
import dev.gigstream.messages.dispute.DisputeWithdrawn;
import dev.gigstream.messages.dispute.EvidenceAdded;
import dev.gigstream.messages.dispute.FindDispute;
import dev.gigstream.messages.dispute.FindDisputes;
import dev.gigstream.query.common.Documents;
import dev.gigstream.query.common.SequencedWrites;
import dev.gigstream.query.common.SharedProcessor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Disputes with their evidence and outcome ({@code disputes}, one document per dispute): a dispute
 * as its parties see it, and the admins' queue of disputes to decide, oldest first.
 */
@Component
@SharedProcessor(SharedProcessor.JOB_READ_MODELS)
@ProcessingGroup(DisputeProjection.NAME)
public class DisputeProjection {

    public static final String NAME = "disputes";
    static final String COLLECTION = "disputes";

    private final MongoCollection<Document> disputes;

    public DisputeProjection(MongoDatabase readModels) {
        this.disputes = readModels.getCollection(COLLECTION);
        disputes.createIndex(Indexes.ascending("status", "openedAt"));
        disputes.createIndex(Indexes.ascending("jobId"));
    }

    @EventHandler
    void on(DisputeOpened event, @SequenceNumber long sequence) {
        SequencedWrites.batch(disputes, event.disputeId().value(), sequence, Updates.combine(
                Updates.set("jobId", event.jobId().value()),
                Updates.set("escrowId", event.escrowId().value()),
                Updates.set("clientId", event.clientId()),
                Updates.set("workerId", event.workerId().value()),
                Updates.set("openedBy", event.openedBy()),
                Updates.set("openerRole", event.openerRole().name()),
                Updates.set("reason", event.reason()),
                Updates.set("details", event.details()),
                // what is at stake, for the admin's decision
                Updates.set("pay", Documents.money(event.pay())),
                Updates.set("held", Documents.money(event.held())),
                Updates.set("status", DisputeStatus.OPEN.name()),
                Updates.set("openedAt", Date.from(event.openedAt())),
                Updates.set("respondBy", Date.from(event.respondBy())),
                Updates.set("evidence", List.of())));
    }

    @EventHandler
    void on(EvidenceAdded event, @SequenceNumber long sequence) {
        SequencedWrites.batch(disputes, event.disputeId().value(), sequence, Updates.push("evidence",
                new Document("by", event.by()).append("party", event.party().name())
                        .append("text", event.text()).append("at", Date.from(event.at()))));
    }

    @EventHandler
    void on(DisputeWithdrawn event, @SequenceNumber long sequence) {
        SequencedWrites.batch(disputes, event.disputeId().value(), sequence, Updates.set("status", DisputeStatus.WITHDRAWN.name()));
    }

    @EventHandler
    void on(DisputeResolved event, @SequenceNumber long sequence) {
        SequencedWrites.batch(disputes, event.disputeId().value(), sequence, Updates.combine(
                Updates.set("status", DisputeStatus.RESOLVED.name()),
                Updates.set("outcome", new Document("type", event.outcome().name())
                        .append("workerShare", Documents.money(event.workerShare()))
                        .append("clientRefund", Documents.money(event.clientRefund()))
                        .append("note", event.note())
                        .append("resolvedBy", event.resolvedBy())
                        .append("at", Date.from(event.at())))));
    }

    @ResetHandler
    void reset() {
        disputes.deleteMany(new Document());
    }

    @QueryHandler
    Optional<DisputeView> handle(FindDispute query) {
        return Optional.ofNullable(disputes.find(Filters.eq("_id", query.disputeId())).first())
                .map(doc -> toView(doc, query.overdueIfOpenedBefore()));
    }

    @QueryHandler
    DisputeList handle(FindDisputes query) {
        Bson filter = query.status() == null ? new Document() : Filters.eq("status", query.status().name());
        return new DisputeList(disputes.find(filter)
                .sort(Sorts.ascending("openedAt", "_id"))
                .limit(query.limit())
                .map(doc -> toView(doc, query.overdueIfOpenedBefore()))
                .into(new ArrayList<>()));
    }

    static DisputeView toView(Document doc, Instant overdueIfOpenedBefore) {
        DisputeStatus status = DisputeStatus.valueOf(doc.getString("status"));
        Instant openedAt = doc.getDate("openedAt").toInstant();
        // overdue depends on the asker's clock, so it is worked out at query time and never stored
        boolean overdue = status == DisputeStatus.OPEN && overdueIfOpenedBefore != null
                && openedAt.isBefore(overdueIfOpenedBefore);
        Document outcome = doc.get("outcome", Document.class);
        return new DisputeView(doc.getString("_id"), doc.getString("jobId"), doc.getString("escrowId"),
                doc.getString("clientId"), doc.getString("workerId"), status, doc.getString("openedBy"),
                DisputeParty.valueOf(doc.getString("openerRole")), doc.getString("reason"), doc.getString("details"),
                Documents.money(doc.get("pay", Document.class)), Documents.money(doc.get("held", Document.class)), openedAt, doc.getDate("respondBy").toInstant(), overdue,
                doc.getList("evidence", Document.class, List.of()).stream()
                        .map(e -> new DisputeView.Evidence(e.getString("by"), DisputeParty.valueOf(e.getString("party")),
                                e.getString("text"), e.getDate("at").toInstant()))
                        .toList(),
                outcome == null ? null : new DisputeView.Outcome(DisputeOutcome.valueOf(outcome.getString("type")),
                        Documents.money(outcome.get("workerShare", Document.class)),
                        Documents.money(outcome.get("clientRefund", Document.class)),
                        outcome.getString("note"), outcome.getString("resolvedBy"), outcome.getDate("at").toInstant()));
    }
}
