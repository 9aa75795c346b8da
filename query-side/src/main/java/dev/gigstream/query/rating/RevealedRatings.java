package dev.gigstream.query.rating;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.gigstream.messages.rating.RaterRole;
import dev.gigstream.messages.rating.RatingsRevealed;
import dev.gigstream.query.common.SequencedWrites;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Counts every revealed rating once for a read model that keeps rating totals in collections of its
 * own: a rating (one document per job and rater role) counts when it turns from hidden to revealed,
 * and then also in the platform's totals, however often its events are delivered.
 */
public final class RevealedRatings {

    public static final String REVEALED = "revealed";
    private static final String PLATFORM = "platform";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> ratings;
    private final MongoCollection<Document> platform;

    public RevealedRatings(MongoCollection<Document> ratings, MongoCollection<Document> platform) {
        this.ratings = ratings;
        this.platform = platform;
    }

    /**
     * Keeps {@code fields} of a rating, with the processor's batch; a rating not revealed yet stays hidden,
     * a revealed one stays revealed. The same fields again change nothing, so no sequence guard is needed.
     */
    public void keep(String jobId, RaterRole raterRole, Bson fields) {
        SequencedWrites.batchUnguarded(ratings, id(jobId, raterRole),
                Updates.combine(fields, Updates.setOnInsert(REVEALED, false)), true);
    }

    /** Reveals the rating; true, with the rating added to the platform's totals, only the first time. */
    public boolean reveal(String jobId, RatingsRevealed.Rating rating, Bson fields) {
        String id = id(jobId, rating.raterRole());
        keep(jobId, rating.raterRole(), fields);
        SequencedWrites.writeHeld(ratings); // the turn is decided by the stored rating, so it goes out at once
        boolean turned = ratings.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq(REVEALED, false)),
                Updates.set(REVEALED, true)).getModifiedCount() == 1;
        if (turned) {
            platform.updateOne(Filters.eq("_id", PLATFORM), add("count", "sum", rating.stars()), UPSERT);
        }
        return turned;
    }

    /** Every revealed rating on the platform. */
    public Totals platform() {
        return Totals.of(platform.find(Filters.eq("_id", PLATFORM)).first(), "count", "sum");
    }

    public void reset() {
        ratings.deleteMany(new Document());
        platform.deleteMany(new Document());
    }

    /** Adds one rating of {@code stars} to totals kept in the fields {@code count} and {@code sum}. */
    public static Bson add(String count, String sum, int stars) {
        return Updates.combine(Updates.inc(count, 1), Updates.inc(sum, stars));
    }

    /** A job has one rating per side: the document's id. */
    private static String id(String jobId, RaterRole raterRole) {
        return jobId + ":" + raterRole.name();
    }

    /** How many revealed ratings, and their stars added up. */
    public record Totals(long count, long sum) {

        public static Totals of(Document doc, String count, String sum) {
            return doc == null ? new Totals(0, 0) : new Totals(number(doc, count), number(doc, sum));
        }

        public Double average() {
            return BayesianAverage.plain(count, sum);
        }

        public Double bayesian(BayesianAverage bayesian, Totals platform) {
            return bayesian.of(count, sum, platform.count(), platform.sum());
        }

        private static long number(Document doc, String field) {
            Number value = doc.get(field, Number.class);
            return value == null ? 0 : value.longValue();
        }
    }
}
