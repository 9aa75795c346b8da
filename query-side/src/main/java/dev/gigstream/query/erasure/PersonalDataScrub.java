package dev.gigstream.query.erasure;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.gigstream.messages.dispute.DisputeStatus;
import dev.gigstream.messages.escrow.EscrowStatus;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The read models' part of an erasure (docs/personal-data.md#erasure), done at once rather than at the
 * next replay: what is pending for the person (an erasure is refused while money or a dispute waits on
 * them), and the scrub of everything personal the projections hold about them. Each value is replaced
 * by what the projection would write from the events once the person's key is shredded: {@code "[erased]"}
 * for a text, no position, no payout account. A replay after the erasure writes the same.
 * <p>
 * Why here and not an event every projection handles: the scrub must be done when the erasure is answered,
 * whatever the processors' positions; and the events stay as they are, read as erased.
 */
@Component
public class PersonalDataScrub {

    /** What a text written by, or about, an erased person reads as (the serializer's erased value). */
    public static final String ERASED = "[erased]";

    /** Something that must end before the person can be erased. */
    public record Pending(String kind, String id) {
        public static final String OPEN_ESCROW = "OPEN_ESCROW";
        public static final String OPEN_DISPUTE = "OPEN_DISPUTE";
        public static final String PAYOUT_OWED = "PAYOUT_OWED";
    }

    private static final List<String> OPEN_ESCROW = List.of(EscrowStatus.AWAITING_FUNDING.name(),
            EscrowStatus.FUNDED.name(), EscrowStatus.FROZEN.name());
    private static final List<String> MONEY_MOVING = List.of(EscrowStatus.RELEASING.name(), EscrowStatus.REFUNDING.name());

    private final MongoDatabase readModels;

    public PersonalDataScrub(MongoDatabase readModels) {
        this.readModels = readModels;
    }

    /** Open escrows, open disputes and payouts owed (money on its way) the person is a party of, from the read models. */
    public List<Pending> pending(String personId) {
        List<Pending> pending = new ArrayList<>();
        Bson party = Filters.or(Filters.eq("workerId", personId), Filters.eq("clientId", personId));
        for (Document escrow : collection("escrows").find(Filters.and(party, Filters.in("status", OPEN_ESCROW)))) {
            pending.add(new Pending(Pending.OPEN_ESCROW, escrow.getString("_id")));
        }
        for (Document dispute : collection("disputes").find(Filters.and(party, Filters.eq("status", DisputeStatus.OPEN.name())))) {
            pending.add(new Pending(Pending.OPEN_DISPUTE, dispute.getString("_id")));
        }
        for (Document escrow : collection("escrows").find(Filters.and(party, Filters.in("status", MONEY_MOVING)))) {
            pending.add(new Pending(Pending.PAYOUT_OWED, escrow.getString("_id")));
        }
        return pending;
    }

    /** Replaces or removes every personal value of the person in the read models; doing it twice changes nothing more. */
    public void scrub(String personId) {
        // the worker's profile, and the copy of the name and payout account kept for payouts
        collection("worker_profiles").updateMany(Filters.eq("_id", personId),
                Updates.combine(Updates.set("fullName", ERASED), Updates.set("bio", ERASED), Updates.unset("home")));
        collection("payout_accounts").updateMany(Filters.eq("_id", personId),
                Updates.combine(Updates.set("fullName", ERASED), Updates.unset("account")));
        // what the person wrote: job descriptions and cancellation reasons, rating comments, dispute texts, evidence
        collection("jobs").updateMany(Filters.eq("clientId", personId), Updates.set("description", ERASED));
        collection("jobs").updateMany(Filters.and(Filters.eq("clientId", personId), Filters.exists("cancelReason")),
                Updates.set("cancelReason", ERASED));
        collection("ratings").updateMany(Filters.and(Filters.eq("raterId", personId), Filters.ne("comment", null)),
                Updates.set("comment", ERASED));
        MongoCollection<Document> disputes = collection("disputes");
        List<String> opened = new ArrayList<>();
        for (Document dispute : disputes.find(Filters.eq("openedBy", personId))) {
            opened.add(dispute.getString("_id"));
        }
        disputes.updateMany(Filters.eq("openedBy", personId),
                Updates.combine(Updates.set("reason", ERASED), Updates.set("details", ERASED)));
        for (Document dispute : disputes.find(Filters.eq("evidence.by", personId))) {
            List<Document> evidence = new ArrayList<>();
            for (Document item : dispute.getList("evidence", Document.class, List.of())) {
                evidence.add(personId.equals(item.getString("by")) ? new Document(item).append("text", ERASED) : item);
            }
            disputes.updateOne(Filters.eq("_id", dispute.get("_id")), Updates.set("evidence", evidence));
        }
        disputes.updateMany(Filters.eq("outcome.resolvedBy", personId), Updates.set("outcome.note", ERASED));
        if (!opened.isEmpty()) {
            // the other party's notice of the dispute quotes the opener's reason
            collection("notifications").updateMany(Filters.in("details.disputeId", opened),
                    Updates.set("details.reason", ERASED));
        }
        // compliance flags about the person (what was found), and notes the person wrote as an admin
        collection("compliance_flags").updateMany(Filters.eq("subjectId", personId),
                Updates.combine(Updates.set("details", new Document()), Updates.set("evidence", List.of())));
        collection("compliance_flags").updateMany(Filters.eq("acknowledgedBy", personId), Updates.set("note", ERASED));
        // positions: the live-location pings and links go; the signals keep their kind and time, not where
        for (String name : List.of("location_pings", "location_shares")) {
            collection(name).deleteMany(Filters.eq("workerId", personId));
        }
        collection("location_latest").deleteMany(Filters.eq("workerId", personId));
        collection("location_trackers").deleteMany(Filters.eq("_id", personId));
        collection("location_signals").updateMany(Filters.eq("workerId", personId), Updates.set("evidence", new Document()));
    }

    private MongoCollection<Document> collection(String name) {
        return readModels.getCollection(name);
    }
}
