package dev.gigstream.query.dispute;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.gigstream.messages.dispute.DisputeView;
import dev.gigstream.messages.export.FindPersonalData;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;

/**
 * The disputes section of a data export ({@link FindPersonalData.Disputes}): the disputes the person is a
 * party to, with the reason and details when they opened it and their own evidence; the other party's
 * text and the admin's note on the resolution are left out (the ids, roles and times stay).
 */
@Component
class DisputesExport {

    private final MongoCollection<Document> disputes;

    DisputesExport(MongoDatabase readModels) {
        this.disputes = readModels.getCollection(DisputeProjection.COLLECTION);
    }

    @QueryHandler
    FindPersonalData.Disputes handle(FindPersonalData query) {
        return new FindPersonalData.Disputes(disputes.find(Filters.or(Filters.eq("clientId", query.userId()),
                        Filters.eq("workerId", query.userId())))
                .sort(Sorts.ascending("openedAt", "_id"))
                .map(doc -> ownTextOnly(DisputeProjection.toView(doc, null), query.userId()))
                .into(new ArrayList<>()));
    }

    private static DisputeView ownTextOnly(DisputeView dispute, String userId) {
        boolean opener = userId.equals(dispute.openedBy());
        DisputeView.Outcome outcome = dispute.outcome() == null ? null
                : new DisputeView.Outcome(dispute.outcome().type(), dispute.outcome().workerShare(),
                        dispute.outcome().clientRefund(), null, dispute.outcome().resolvedBy(), dispute.outcome().at());
        return new DisputeView(dispute.disputeId(), dispute.jobId(), dispute.escrowId(), dispute.clientId(),
                dispute.workerId(), dispute.status(), dispute.openedBy(), dispute.openerRole(),
                opener ? dispute.reason() : null, opener ? dispute.details() : null, dispute.pay(), dispute.held(),
                dispute.openedAt(), dispute.respondBy(), dispute.overdue(),
                dispute.evidence().stream()
                        .map(e -> userId.equals(e.by()) ? e : new DisputeView.Evidence(e.by(), e.party(), null, e.at()))
                        .toList(),
                outcome);
    }
}
