package dev.gigstream.query.matching;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.gigstream.query.common.Documents;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The offer queues without Redis: one document per offer in {@code job_matches} (in the embedded profile
 * it survives restarts with the other read models). A TTL index removes lapsed offers on a real MongoDB;
 * reads leave them out everywhere, and the job's withdrawal removes the rest, as every job is hired,
 * cancelled or expires in the end.
 */
public class MongoOfferQueues implements OfferQueues {

    static final String COLLECTION = "job_matches";

    private final MongoCollection<Document> offers;

    public MongoOfferQueues(MongoDatabase readModels) {
        this.offers = readModels.getCollection(COLLECTION);
        offers.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        offers.createIndex(Indexes.ascending("workerId", "expiresAt"));
        offers.createIndex(Indexes.ascending("jobId"));
    }

    @Override
    public void add(QueuedOffer offer) {
        offers.replaceOne(Filters.eq("_id", offer.jobId() + ":" + offer.workerId()),
                new Document("jobId", offer.jobId())
                        .append("workerId", offer.workerId())
                        .append("rank", offer.rank())
                        .append("title", offer.title())
                        .append("pay", offer.pay() == null ? null : Documents.money(offer.pay()))
                        .append("distanceKm", offer.distanceKm())
                        .append("expiresAt", Date.from(offer.expiresAt())),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public void withdraw(String jobId) {
        offers.deleteMany(Filters.eq("jobId", jobId));
    }

    @Override
    public List<QueuedOffer> live(String workerId, Instant now) {
        return offers.find(Filters.and(Filters.eq("workerId", workerId), Filters.gt("expiresAt", Date.from(now))))
                .sort(Sorts.ascending("rank", "jobId"))
                .map(MongoOfferQueues::toOffer)
                .into(new ArrayList<>());
    }

    @Override
    public void clear() {
        offers.deleteMany(new Document());
    }

    private static QueuedOffer toOffer(Document doc) {
        Document pay = doc.get("pay", Document.class);
        Number distanceKm = doc.get("distanceKm", Number.class);
        return new QueuedOffer(doc.getString("jobId"), doc.getString("workerId"), doc.getInteger("rank"),
                doc.getString("title"), pay == null ? null : Documents.money(pay),
                distanceKm == null ? null : distanceKm.doubleValue(), doc.getDate("expiresAt").toInstant());
    }
}
