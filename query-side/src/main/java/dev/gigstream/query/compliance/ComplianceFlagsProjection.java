package dev.gigstream.query.compliance;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.gigstream.messages.compliance.ComplianceFlagAcknowledged;
import dev.gigstream.messages.compliance.ComplianceFlagList;
import dev.gigstream.messages.compliance.ComplianceFlagRaised;
import dev.gigstream.messages.compliance.ComplianceFlagView;
import dev.gigstream.messages.compliance.ComplianceRule;
import dev.gigstream.messages.compliance.FindComplianceFlags;
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

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The compliance flags for admins ({@code compliance_flags}, one document per flag), newest first. */
@Component
@SharedProcessor(SharedProcessor.PEOPLE_READ_MODELS)
@ProcessingGroup(ComplianceFlagsProjection.NAME)
public class ComplianceFlagsProjection {

    public static final String NAME = "compliance-flags";
    static final String COLLECTION = "compliance_flags";

    private final MongoCollection<Document> flags;

    public ComplianceFlagsProjection(MongoDatabase readModels) {
        this.flags = readModels.getCollection(COLLECTION);
        flags.createIndex(Indexes.descending("raisedAt"));
        flags.createIndex(Indexes.compoundIndex(Indexes.ascending("acknowledged"), Indexes.descending("raisedAt")));
    }

    @EventHandler
    void on(ComplianceFlagRaised event, @SequenceNumber long sequence) {
        SequencedWrites.batch(flags, event.flagId(), sequence, Updates.combine(
                Updates.set("rule", event.rule().name()),
                Updates.set("subjectId", event.subjectId()),
                Updates.set("evidence", event.evidence()),
                Updates.set("details", new Document(new LinkedHashMap<>(event.details()))),
                Updates.set("raisedAt", Date.from(event.raisedAt())),
                Updates.set("acknowledged", false)));
    }

    @EventHandler
    void on(ComplianceFlagAcknowledged event, @SequenceNumber long sequence) {
        SequencedWrites.batch(flags, event.flagId(), sequence, Updates.combine(
                Updates.set("acknowledged", true),
                Updates.set("acknowledgedBy", event.adminId()),
                Updates.set("acknowledgedAt", Date.from(event.at())),
                Updates.set("note", event.note())));
    }

    @ResetHandler
    void reset() {
        flags.deleteMany(new Document());
    }

    @QueryHandler
    ComplianceFlagList handle(FindComplianceFlags query) {
        List<Bson> filters = new ArrayList<>();
        if (query.acknowledged() != null) {
            filters.add(Filters.eq("acknowledged", query.acknowledged()));
        }
        if (query.rule() != null) {
            filters.add(Filters.eq("rule", query.rule().name()));
        }
        return new ComplianceFlagList(flags.find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.descending("raisedAt", "_id"))
                .limit(query.limit())
                .map(ComplianceFlagsProjection::toView)
                .into(new ArrayList<>()));
    }

    private static ComplianceFlagView toView(Document doc) {
        Map<String, String> details = new LinkedHashMap<>();
        doc.get("details", new Document()).forEach((key, value) -> details.put(key, String.valueOf(value)));
        Date acknowledgedAt = doc.getDate("acknowledgedAt");
        return new ComplianceFlagView(doc.getString("_id"), ComplianceRule.valueOf(doc.getString("rule")),
                doc.getString("subjectId"), doc.getList("evidence", String.class, List.of()), details,
                doc.getDate("raisedAt").toInstant(), doc.getBoolean("acknowledged", false), doc.getString("acknowledgedBy"),
                acknowledgedAt == null ? null : acknowledgedAt.toInstant(), doc.getString("note"));
    }
}
