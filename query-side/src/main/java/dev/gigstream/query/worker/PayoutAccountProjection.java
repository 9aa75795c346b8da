package dev.gigstream.query.worker;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.gigstream.messages.worker.FindPayoutAccount;
import dev.gigstream.messages.worker.PayoutAccount;
import dev.gigstream.messages.worker.PayoutAccountView;
import dev.gigstream.messages.worker.WorkerProfileUpdated;
import dev.gigstream.messages.worker.WorkerRegistered;
import dev.gigstream.query.common.SequencedWrites;
import dev.gigstream.query.common.SharedProcessor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Workers' payout accounts ({@code payout_accounts}), kept apart from the public profiles so that
 * bank details never reach a public view; read by the payout adapter only.
 */
@Component
@SharedProcessor(SharedProcessor.PEOPLE_READ_MODELS)
@ProcessingGroup(PayoutAccountProjection.NAME)
public class PayoutAccountProjection {

    public static final String NAME = "payout-accounts";
    static final String COLLECTION = "payout_accounts";

    private final MongoCollection<Document> accounts;

    public PayoutAccountProjection(MongoDatabase readModels) {
        this.accounts = readModels.getCollection(COLLECTION);
    }

    @EventHandler
    void on(WorkerRegistered event, @SequenceNumber long sequence) {
        SequencedWrites.batch(accounts, event.workerId().value(), sequence, Updates.set("fullName", event.fullName()));
    }

    @EventHandler
    void on(WorkerProfileUpdated event, @SequenceNumber long sequence) {
        PayoutAccount payout = event.payout();
        SequencedWrites.batch(accounts, event.workerId().value(), sequence, payout == null ? Updates.unset("account")
                : Updates.set("account", new Document("bankCode", payout.bankCode())
                        .append("accountNumber", payout.accountNumber())
                        .append("accountName", payout.accountName())));
    }

    @ResetHandler
    void reset() {
        accounts.deleteMany(new Document());
    }

    @QueryHandler
    Optional<PayoutAccountView> handle(FindPayoutAccount query) {
        Document doc = accounts.find(Filters.eq("_id", query.workerId())).first();
        if (doc == null || doc.get("account") == null) {
            return Optional.empty();
        }
        Document account = doc.get("account", Document.class);
        return Optional.of(new PayoutAccountView(query.workerId(), doc.getString("fullName"),
                new PayoutAccount(account.getString("bankCode"), account.getString("accountNumber"),
                        account.getString("accountName"))));
    }
}
