package dev.gigstream.query.escrow;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.escrow.ChargebackLost;
import dev.gigstream.messages.escrow.ChargebackReceived;
import dev.gigstream.messages.escrow.ChargebackResolved;
import dev.gigstream.messages.escrow.CheckoutOpened;
import dev.gigstream.messages.escrow.EscrowCancelled;
import dev.gigstream.messages.escrow.EscrowFlagCleared;
import dev.gigstream.messages.escrow.EscrowFlaggedForAdmin;
import dev.gigstream.messages.escrow.EscrowFrozen;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowFundingRequested;
import dev.gigstream.messages.escrow.EscrowKeptFrozen;
import dev.gigstream.messages.escrow.EscrowList;
import dev.gigstream.messages.escrow.EscrowRefundStarted;
import dev.gigstream.messages.escrow.EscrowRefunded;
import dev.gigstream.messages.escrow.EscrowReleased;
import dev.gigstream.messages.escrow.EscrowSettled;
import dev.gigstream.messages.escrow.EscrowStatus;
import dev.gigstream.messages.escrow.EscrowUnfrozen;
import dev.gigstream.messages.escrow.EscrowView;
import dev.gigstream.messages.escrow.FindEscrow;
import dev.gigstream.messages.escrow.FindFlaggedEscrows;
import dev.gigstream.messages.escrow.FindStaleEscrows;
import dev.gigstream.messages.escrow.LedgerAccount;
import dev.gigstream.messages.escrow.PayoutCompleted;
import dev.gigstream.messages.escrow.PayoutFailed;
import dev.gigstream.messages.escrow.PayoutFlaggedForAdmin;
import dev.gigstream.messages.escrow.PayoutRetryRequested;
import dev.gigstream.messages.escrow.Posting;
import dev.gigstream.query.common.Documents;
import dev.gigstream.query.common.SequencedWrites;
import dev.gigstream.query.common.SharedProcessor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
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
 * Escrows with their ledger and chargebacks ({@code escrows}, one document per escrow): the escrow view
 * of the API, the checkout the hire answers with, the list of escrows the reconciliation sweep checks
 * and the escrows flagged for an operator.
 */
@Component
@SharedProcessor(SharedProcessor.PEOPLE_READ_MODELS)
@ProcessingGroup(EscrowProjection.NAME)
public class EscrowProjection {

    public static final String NAME = "escrows";
    static final String COLLECTION = "escrows";

    private final MongoCollection<Document> escrows;

    public EscrowProjection(MongoDatabase readModels) {
        this.escrows = readModels.getCollection(COLLECTION);
        escrows.createIndex(Indexes.ascending("status", "updatedAt"));
    }

    @EventHandler
    void on(EscrowFundingRequested event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(event.escrowId().value(), sequence, at, Updates.combine(
                Updates.set("jobId", event.jobId().value()),
                Updates.set("clientId", event.clientId()),
                Updates.set("workerId", event.workerId().value()),
                Updates.set("status", EscrowStatus.AWAITING_FUNDING.name()),
                Updates.set("amount", Documents.money(event.pay())),
                Updates.set("serviceFee", Documents.money(event.serviceFee())),
                Updates.set("total", Documents.money(event.total())),
                Updates.set("reference", event.reference()),
                Updates.set("funded", 0L), Updates.set("released", 0L), Updates.set("refunded", 0L),
                Updates.set("flags", List.of()), Updates.set("ledger", List.of())));
    }

    @EventHandler
    void on(CheckoutOpened event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(event.escrowId().value(), sequence, at, Updates.set("authorizationUrl", event.authorizationUrl()));
    }

    /** Frozen when a chargeback Paystack told of first is still unresolved: it holds the money as it arrives. */
    @EventHandler
    void on(EscrowFunded event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        Document escrow = SequencedWrites.find(escrows, event.escrowId().value());
        boolean chargebackOpen = escrow != null && escrow.getList("chargebacks", Document.class, List.of()).stream()
                .anyMatch(chargeback -> chargeback.getString("resolution") == null);
        write(event.escrowId().value(), sequence, at, Updates.combine(status(chargebackOpen ? EscrowStatus.FROZEN : EscrowStatus.FUNDED),
                Updates.set("funded", event.funded().amount()), ledger(message, event.postings(), at)));
    }

    @EventHandler
    void on(EscrowCancelled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(event.escrowId().value(), sequence, at, status(EscrowStatus.CANCELLED));
    }

    @EventHandler
    void on(EscrowFrozen event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(event.escrowId().value(), sequence, at, status(EscrowStatus.FROZEN));
    }

    @EventHandler
    void on(EscrowUnfrozen event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(event.escrowId().value(), sequence, at, status(EscrowStatus.FUNDED));
    }

    @EventHandler
    void on(EscrowReleased event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(event.escrowId().value(), sequence, at, Updates.combine(status(EscrowStatus.RELEASING),
                Updates.set("pendingPayoutReference", event.payoutReference()), ledger(message, event.postings(), at)));
    }

    @EventHandler
    void on(PayoutCompleted event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(event.escrowId().value(), sequence, at, Updates.combine(Updates.unset("pendingPayoutReference"), clearPayoutFlag(event.escrowId().value()),
                Updates.inc("released", event.amount().amount()), ledger(message, event.postings(), at)));
    }

    /** The escrow itself says when nothing is owed any more, and in which final status. */
    @EventHandler
    void on(EscrowSettled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(event.escrowId().value(), sequence, at, status(event.status()));
    }

    @EventHandler
    void on(PayoutFailed event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        Bson update = Updates.combine(Updates.set("pendingPayoutReference", event.nextPayoutReference()),
                clearPayoutFlag(event.escrowId().value()));
        if (!event.postings().isEmpty()) { // a reversal: the money came back and the escrow owes it again
            Document escrow = SequencedWrites.find(escrows, event.escrowId().value());
            boolean released = escrow != null && EscrowStatus.RELEASED.name().equals(escrow.getString("status"));
            update = Updates.combine(update, Updates.inc("released", -event.amount().amount()), ledger(message, event.postings(), at),
                    status(released ? EscrowStatus.RELEASING : EscrowStatus.REFUNDING));
        }
        write(event.escrowId().value(), sequence, at, update);
    }

    @EventHandler
    void on(EscrowFlaggedForAdmin event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(event.escrowId().value(), sequence, at, Updates.addToSet("flags", event.reason()));
    }

    @EventHandler
    void on(PayoutFlaggedForAdmin event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(event.escrowId().value(), sequence, at, Updates.combine(Updates.addToSet("flags", event.reason()),
                Updates.set("payoutFlag", event.reason())));
    }

    /** The stuck payout's flag goes; flags about anything else stay until their own cause is dealt with. */
    @EventHandler
    void on(PayoutRetryRequested event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(event.escrowId().value(), sequence, at, Updates.combine(clearPayoutFlag(event.escrowId().value()),
                Updates.set("pendingPayoutReference", event.payoutReference())));
    }

    /** A stuck payout's flag lasts until that payout is retried, goes through or fails for good. */
    private Bson clearPayoutFlag(String escrowId) {
        Document escrow = SequencedWrites.find(escrows, escrowId);
        String payoutFlag = escrow == null ? null : escrow.getString("payoutFlag");
        return payoutFlag == null ? Updates.unset("payoutFlag")
                : Updates.combine(Updates.pull("flags", payoutFlag), Updates.unset("payoutFlag"));
    }

    /** A chargeback on the money the escrow holds freezes it until Paystack resolves the chargeback. */
    @EventHandler
    void on(ChargebackReceived event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Bson chargeback = Updates.push("chargebacks", new Document("id", event.chargebackId())
                .append("reason", event.reason()).append("moneyHeld", event.moneyHeld())
                .append("at", Date.from(event.at())).append("resolution", null));
        write(event.escrowId().value(), sequence, at, event.moneyHeld() ? Updates.combine(chargeback, status(EscrowStatus.FROZEN)) : chargeback);
    }

    @EventHandler
    void on(ChargebackResolved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Document escrow = SequencedWrites.find(escrows, event.escrowId().value());
        // rewritten whole: SequencedWrites matches by _id alone, so a positional update cannot find the element
        List<Document> chargebacks = new ArrayList<>(escrow == null ? List.of()
                : escrow.getList("chargebacks", Document.class, List.of()));
        chargebacks.replaceAll(c -> event.chargebackId().equals(c.getString("id"))
                ? new Document(c).append("resolution", event.resolution()) : c);
        write(event.escrowId().value(), sequence, at, Updates.set("chargebacks", chargebacks));
    }

    @EventHandler
    void on(EscrowRefundStarted event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        Bson update = Updates.combine(status(EscrowStatus.REFUNDING), ledger(message, event.postings(), at));
        if (event.payoutReference() != null) {
            update = Updates.combine(update, Updates.set("pendingPayoutReference", event.payoutReference()));
        }
        write(event.escrowId().value(), sequence, at, update);
    }

    @EventHandler
    void on(EscrowRefunded event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(event.escrowId().value(), sequence, at, Updates.combine(Updates.inc("refunded", event.refunded().amount()),
                ledger(message, event.postings(), at)));
    }

    /** The escrow resolved the flag's cause (a refund processed, a chargeback won); flags about anything else stay. */
    @EventHandler
    void on(EscrowFlagCleared event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(event.escrowId().value(), sequence, at, Updates.pull("flags", event.reason()));
    }

    /** A dispute's freeze ended, but a chargeback keeps the money frozen: the escrow stays FROZEN. */
    @EventHandler
    void on(EscrowKeptFrozen event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(event.escrowId().value(), sequence, at, status(EscrowStatus.FROZEN));
    }

    @EventHandler
    void on(ChargebackLost event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(event.escrowId().value(), sequence, at, ledger(message, event.postings(), at));
    }

    @ResetHandler
    void reset() {
        escrows.deleteMany(new Document());
    }

    @QueryHandler
    Optional<EscrowView> handle(FindEscrow query) {
        return Optional.ofNullable(escrows.find(Filters.eq("_id", query.escrowId())).first()).map(EscrowProjection::toView);
    }

    @QueryHandler
    EscrowList handle(FindStaleEscrows query) {
        Date before = Date.from(query.before());
        return new EscrowList(escrows.find(Filters.and(Filters.lt("updatedAt", before), Filters.or(
                        Filters.eq("status", EscrowStatus.AWAITING_FUNDING.name()),
                        Filters.ne("pendingPayoutReference", null))))
                .limit(query.limit())
                .map(EscrowProjection::toView)
                .into(new ArrayList<>()));
    }

    @QueryHandler
    EscrowList handle(FindFlaggedEscrows query) {
        return new EscrowList(escrows.find(Filters.exists("flags.0"))
                .sort(Sorts.ascending("updatedAt", "_id"))
                .limit(query.limit())
                .map(EscrowProjection::toView)
                .into(new ArrayList<>()));
    }

    private void write(String escrowId, long sequence, Instant at, Bson update) {
        SequencedWrites.batch(escrows, escrowId, sequence, Updates.combine(update, Updates.set("updatedAt", Date.from(at))));
    }

    private static Bson status(EscrowStatus status) {
        return Updates.set("status", status.name());
    }

    private static Bson ledger(EventMessage<?> message, List<Posting> postings, Instant at) {
        List<Document> entries = new ArrayList<>();
        for (int i = 0; i < postings.size(); i++) {
            entries.add(new Document("entryId", message.getIdentifier() + "-" + i)
                    .append("at", Date.from(at))
                    .append("account", postings.get(i).account().name())
                    .append("amount", postings.get(i).amount())
                    .append("eventType", message.getPayloadType().getSimpleName()));
        }
        return Updates.pushEach("ledger", entries);
    }

    static EscrowView toView(Document doc) {
        Money total = Documents.money(doc.get("total", Document.class));
        Currency currency = total.currency();
        return new EscrowView(doc.getString("_id"), doc.getString("jobId"), doc.getString("clientId"),
                doc.getString("workerId"), EscrowStatus.valueOf(doc.getString("status")),
                Documents.money(doc.get("amount", Document.class)), Documents.money(doc.get("serviceFee", Document.class)),
                total, new Money(doc.getLong("funded"), currency), new Money(doc.getLong("released"), currency),
                new Money(doc.getLong("refunded"), currency), doc.getString("reference"), doc.getString("authorizationUrl"),
                doc.getString("pendingPayoutReference"), doc.getList("flags", String.class, List.of()),
                doc.getDate("updatedAt").toInstant(),
                doc.getList("ledger", Document.class, List.of()).stream()
                        .map(e -> new EscrowView.LedgerEntry(e.getString("entryId"), e.getDate("at").toInstant(),
                                LedgerAccount.valueOf(e.getString("account")), e.getLong("amount"), e.getString("eventType")))
                        .toList());
    }
}
