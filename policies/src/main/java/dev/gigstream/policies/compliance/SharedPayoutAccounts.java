package dev.gigstream.policies.compliance;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.gigstream.messages.compliance.ComplianceFlagIds;
import dev.gigstream.messages.compliance.ComplianceRule;
import dev.gigstream.messages.compliance.RaiseComplianceFlag;
import dev.gigstream.messages.worker.PayoutAccount;
import dev.gigstream.messages.worker.WorkerProfileUpdated;
import dev.gigstream.query.common.InOrder;
import dev.gigstream.query.common.SequencedWrites;
import dev.gigstream.query.common.SharedProcessor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which workers are paid out to which account ({@code compliance_payouts}): per account key (see
 * {@link SharedPayoutAccountPolicy#accountKey}) the workers with the event that gave them the account,
 * and per worker the key of their current account. When the {@link SharedPayoutAccountPolicy} finds
 * an account shared, the account is flagged with every sharing worker's event as evidence; once per
 * set of workers, so a worker saving their profile again changes nothing, and one more worker is news.
 * Only the key, the bank code and the last four digits of the number are kept.
 */
@Component
@InOrder
@SharedProcessor(SharedProcessor.IN_ORDER_READ_MODELS)
@ProcessingGroup(FlagRaiser.RULES)
public class SharedPayoutAccounts {

    static final String COLLECTION = "compliance_payouts";
    private static final String WORKERS = "workers";
    private static final String ACCOUNT_KEY = "accountKey";

    private final MongoCollection<Document> payouts;
    private final SharedPayoutAccountPolicy policy;
    private final FlagRaiser raiser;

    public SharedPayoutAccounts(MongoDatabase readModels, SharedPayoutAccountPolicy policy, FlagRaiser raiser) {
        this.payouts = readModels.getCollection(COLLECTION);
        this.policy = policy;
        this.raiser = raiser;
    }

    /**
     * The accounts change first and the worker's document (with the event's sequence) last: an event that
     * failed half-way comes again and is applied again, the same way.
     */
    @EventHandler
    void on(WorkerProfileUpdated event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            @Timestamp Instant at, ReplayStatus replay) {
        String workerDoc = "worker:" + event.workerId();
        Document worker = payouts.find(Filters.eq("_id", workerDoc)).first();
        Number seen = worker == null ? null : worker.get(SequencedWrites.SEQUENCE, Number.class);
        if (seen != null && seen.longValue() >= sequence) {
            return;
        }
        String previousKey = worker == null ? null : worker.getString(ACCOUNT_KEY);
        String key = event.payout() == null ? null : SharedPayoutAccountPolicy.accountKey(event.payout());
        if (previousKey != null && !previousKey.equals(key)) {
            payouts.updateOne(Filters.eq("_id", "account:" + previousKey),
                    Updates.pull(WORKERS, new Document("workerId", event.workerId().value())));
        }
        if (key != null) {
            List<Document> sharing = join(key, event.workerId().value(), eventId, event.payout());
            List<String> workerIds = sharing.stream().map(doc -> doc.getString("workerId")).toList();
            if (policy.shared(workerIds)) {
                raiser.raise(flag(key, event.payout(), sharing, at), replay.isReplay());
            }
        }
        SequencedWrites.apply(payouts, workerDoc, sequence, key == null ? Updates.unset(ACCOUNT_KEY) : Updates.set(ACCOUNT_KEY, key));
    }

    @ResetHandler
    void reset() {
        payouts.deleteMany(new Document());
    }

    /** Adds the worker to the account's workers (keeping the event that first gave it to them); returns them all. */
    private List<Document> join(String key, String workerId, String eventId, PayoutAccount account) {
        String id = "account:" + key;
        Document existing = payouts.find(Filters.eq("_id", id)).first();
        List<Document> workers = new ArrayList<>(existing == null ? List.of()
                : existing.getList(WORKERS, Document.class, List.of()));
        if (workers.stream().noneMatch(doc -> workerId.equals(doc.getString("workerId")))) {
            workers.add(new Document("workerId", workerId).append("eventId", eventId));
            payouts.updateOne(Filters.eq("_id", id), Updates.combine(
                            Updates.set(WORKERS, workers),
                            Updates.set("bankCode", account.bankCode()),
                            Updates.set("accountEnding", ending(account))),
                    new UpdateOptions().upsert(true));
        }
        return workers;
    }

    private static RaiseComplianceFlag flag(String key, PayoutAccount account, List<Document> sharing, Instant at) {
        List<Document> byWorker = sharing.stream().sorted(Comparator.comparing(doc -> doc.getString("workerId"))).toList();
        List<String> workerIds = byWorker.stream().map(doc -> doc.getString("workerId")).toList();
        List<String> evidence = byWorker.stream().map(doc -> doc.getString("eventId")).toList();
        return new RaiseComplianceFlag(ComplianceFlagIds.of(ComplianceRule.SHARED_PAYOUT_ACCOUNT, key, workerIds),
                ComplianceRule.SHARED_PAYOUT_ACCOUNT, key, evidence, Map.of(
                        "bankCode", account.bankCode(),
                        "accountEnding", ending(account),
                        "workerIds", String.join(",", workerIds),
                        "workers", String.valueOf(workerIds.size())),
                at);
    }

    private static String ending(PayoutAccount account) {
        String number = account.accountNumber();
        return number.substring(Math.max(0, number.length() - 4));
    }
}
