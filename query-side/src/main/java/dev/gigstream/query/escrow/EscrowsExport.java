package dev.gigstream.query.escrow;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.gigstream.messages.escrow.EscrowView;
import dev.gigstream.messages.export.FindPersonalData;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The payments section of a data export ({@link FindPersonalData.Escrows}): the escrows the person paid
 * into as client and was paid out of as worker, each with its ledger (funding, fee, payout, refund).
 */
@Component
class EscrowsExport {

    private final MongoCollection<Document> escrows;

    EscrowsExport(MongoDatabase readModels) {
        this.escrows = readModels.getCollection(EscrowProjection.COLLECTION);
    }

    @QueryHandler
    FindPersonalData.Escrows handle(FindPersonalData query) {
        return new FindPersonalData.Escrows(of("clientId", query.userId()), of("workerId", query.userId()));
    }

    private List<EscrowView> of(String party, String userId) {
        return escrows.find(Filters.eq(party, userId)).sort(Sorts.ascending("_id"))
                .map(EscrowProjection::toView).into(new ArrayList<>());
    }
}
