package dev.gigstream.query.finance;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.Sorts;
import dev.gigstream.messages.admin.FindMoneyMovements;
import dev.gigstream.messages.admin.MoneyMovement;
import dev.gigstream.messages.admin.MoneyMovementKind;
import dev.gigstream.messages.admin.MoneyMovementPage;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.escrow.ChargebackLost;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowRefunded;
import dev.gigstream.messages.escrow.EscrowReleased;
import dev.gigstream.messages.escrow.LedgerAccount;
import dev.gigstream.messages.escrow.PayoutCompleted;
import dev.gigstream.messages.escrow.PayoutFailed;
import dev.gigstream.messages.escrow.Posting;
import dev.gigstream.query.common.SequencedWrites;
import dev.gigstream.query.common.SharedProcessor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static dev.gigstream.messages.escrow.EscrowReferences.charge;

/**
 * Every money movement of every escrow ({@code money_movements}, one document per movement, keyed by
 * the event's id and the kind, so a redelivered event writes the same documents again): the rows of
 * the finance export. Each amount is the sum of the event's postings on the account the kind stands
 * for (see {@link MoneyMovementKind}), so the rows reconcile to the escrows' ledgers by construction.
 * Starting a refund or a release of the worker's share moves money between the escrow's own accounts
 * only, and a chargeback posts nothing until it is lost: no rows for those.
 */
@Component
@SharedProcessor(SharedProcessor.PEOPLE_READ_MODELS)
@ProcessingGroup(MoneyMovements.NAME)
public class MoneyMovements {

    public static final String NAME = "money-movements";
    static final String COLLECTION = "money_movements";

    private final MongoCollection<Document> movements;

    public MoneyMovements(MongoDatabase readModels) {
        this.movements = readModels.getCollection(COLLECTION);
        movements.createIndex(Indexes.ascending("at", "_id"));
        movements.createIndex(Indexes.ascending("escrowId"));
    }

    @EventHandler
    void on(EscrowFunded event, EventMessage<?> message, @Timestamp Instant at) {
        Currency currency = event.funded().currency();
        record(message, at, event.escrowId().value(), event.jobId().value(), MoneyMovementKind.FUNDED,
                new Money(-sum(event.postings(), LedgerAccount.ESCROW), currency), charge(event.escrowId()));
        record(message, at, event.escrowId().value(), event.jobId().value(), MoneyMovementKind.PROCESSOR_FEE,
                new Money(sum(event.postings(), LedgerAccount.PROCESSOR_FEES), currency), charge(event.escrowId()));
    }

    @EventHandler
    void on(EscrowReleased event, EventMessage<?> message, @Timestamp Instant at) {
        record(message, at, event.escrowId().value(), event.jobId().value(), MoneyMovementKind.SERVICE_FEE,
                new Money(-sum(event.postings(), LedgerAccount.PLATFORM_REVENUE), event.platformFee().currency()), null);
    }

    @EventHandler
    void on(PayoutCompleted event, EventMessage<?> message, @Timestamp Instant at) {
        record(message, at, event.escrowId().value(), event.jobId().value(), MoneyMovementKind.RELEASED,
                new Money(sum(event.postings(), LedgerAccount.WORKER_PAYABLE), event.amount().currency()),
                event.payoutReference());
    }

    /** A transfer reversed after it went through takes the money back: a negative release. A plain failure posts nothing. */
    @EventHandler
    void on(PayoutFailed event, EventMessage<?> message, @Timestamp Instant at) {
        if (event.postings().isEmpty()) {
            return;
        }
        record(message, at, event.escrowId().value(), jobOf(event.escrowId().value()), MoneyMovementKind.RELEASED,
                new Money(sum(event.postings(), LedgerAccount.WORKER_PAYABLE), event.amount().currency()),
                event.payoutReference());
    }

    /** Paystack identifies a refund by the charge it gives back. */
    @EventHandler
    void on(EscrowRefunded event, EventMessage<?> message, @Timestamp Instant at) {
        record(message, at, event.escrowId().value(), event.jobId().value(), MoneyMovementKind.REFUNDED,
                new Money(sum(event.postings(), LedgerAccount.REFUND_PAYABLE), event.refunded().currency()),
                charge(event.escrowId()));
    }

    /** The card network took the charge back: money out of our balance, under the charge's reference. */
    @EventHandler
    void on(ChargebackLost event, EventMessage<?> message, @Timestamp Instant at) {
        record(message, at, event.escrowId().value(), event.jobId().value(), MoneyMovementKind.CHARGEBACK_LOSS,
                new Money(-sum(event.postings(), LedgerAccount.PAYSTACK_BALANCE), event.amount().currency()),
                charge(event.escrowId()));
    }

    @ResetHandler
    void reset() {
        movements.deleteMany(new Document());
    }

    @QueryHandler
    MoneyMovementPage handle(FindMoneyMovements query) {
        Bson period = Filters.and(Filters.gte("at", Date.from(query.from())), Filters.lt("at", Date.from(query.to())));
        Bson filter = query.afterAt() == null ? period : Filters.and(period, Filters.or(
                Filters.gt("at", Date.from(query.afterAt())),
                Filters.and(Filters.eq("at", Date.from(query.afterAt())), Filters.gt("_id", query.afterId()))));
        return new MoneyMovementPage(movements.find(filter)
                .sort(Sorts.ascending("at", "_id"))
                .limit(query.limit())
                .map(MoneyMovements::toMovement)
                .into(new ArrayList<>()));
    }

    /**
     * Writes the movement with the processor's batch, unless it moves nothing; the same event always writes
     * the same document, so a redelivery rewrites the same fields and needs no sequence guard.
     */
    private void record(EventMessage<?> message, Instant at, String escrowId, String jobId, MoneyMovementKind kind,
                        Money amount, String reference) {
        if (amount.isZero()) {
            return;
        }
        String id = message.getIdentifier() + ":" + kind.name();
        SequencedWrites.batchUnguarded(movements, id, Updates.combine(
                Updates.set("at", Date.from(at)),
                Updates.set("escrowId", escrowId),
                Updates.set("jobId", jobId),
                Updates.set("kind", kind.name()),
                Updates.set("amount", amount.amount()),
                Updates.set("currency", amount.currency().name()),
                Updates.set("reference", reference)), true);
    }

    /** An escrow's events come in order, so a reversed payout finds the movements it reverses already written. */
    private String jobOf(String escrowId) {
        SequencedWrites.writeHeld(movements); // the movements it reverses may be in this batch
        Document earlier = movements.find(Filters.eq("escrowId", escrowId)).first();
        return earlier == null ? null : earlier.getString("jobId");
    }

    private static long sum(List<Posting> postings, LedgerAccount account) {
        return postings.stream().filter(p -> p.account() == account).mapToLong(Posting::amount).sum();
    }

    private static MoneyMovement toMovement(Document doc) {
        return new MoneyMovement(doc.getString("_id"), doc.getDate("at").toInstant(), doc.getString("escrowId"),
                doc.getString("jobId"), MoneyMovementKind.valueOf(doc.getString("kind")),
                new Money(doc.get("amount", Number.class).longValue(), Currency.valueOf(doc.getString("currency"))),
                doc.getString("reference"));
    }
}
