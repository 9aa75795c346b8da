package dev.gigstream.query.rating;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.gigstream.messages.rating.FindJobRatings;
import dev.gigstream.messages.rating.FindUserRatings;
import dev.gigstream.messages.rating.JobRatingsView;
import dev.gigstream.messages.rating.RaterRole;
import dev.gigstream.messages.rating.RatingGiven;
import dev.gigstream.messages.rating.RatingsRevealed;
import dev.gigstream.messages.rating.UserRatingsView;
import dev.gigstream.query.common.SharedProcessor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
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
 * Every rating of every job ({@code ratings}, one document per job and rater role, hidden ones marked),
 * and what each user's revealed ratings add up to ({@code rating_totals}) next to the platform's
 * ({@code rating_platform_totals}).
 */
@Component
@SharedProcessor(SharedProcessor.JOB_READ_MODELS)
@ProcessingGroup(RatingsProjection.NAME)
public class RatingsProjection {

    public static final String NAME = "ratings";
    static final String COLLECTION = "ratings";

    private final MongoCollection<Document> ratings;
    private final MongoCollection<Document> totals;
    private final RevealedRatings revealed;
    private final BayesianAverage bayesian;

    public RatingsProjection(MongoDatabase readModels, BayesianAverage bayesian) {
        this.ratings = readModels.getCollection(COLLECTION);
        this.totals = readModels.getCollection("rating_totals");
        this.revealed = new RevealedRatings(ratings, readModels.getCollection("rating_platform_totals"));
        this.bayesian = bayesian;
        ratings.createIndex(Indexes.ascending("jobId"));
        ratings.createIndex(Indexes.compoundIndex(Indexes.ascending("rateeId", RevealedRatings.REVEALED),
                Indexes.descending("at")));
    }

    @EventHandler
    void on(RatingGiven event) {
        revealed.keep(event.jobId().value(), event.raterRole(), fields(event.jobId().value(), event.raterId(), event.raterRole(),
                event.rateeId(), event.stars(), event.comment(), event.at()));
    }

    @EventHandler
    void on(RatingsRevealed event) {
        for (RatingsRevealed.Rating rating : event.ratings()) {
            if (revealed.reveal(event.jobId().value(), rating, fields(event.jobId().value(), rating.raterId(), rating.raterRole(),
                    rating.rateeId(), rating.stars(), rating.comment(), rating.at()))) {
                totals.updateOne(Filters.eq("_id", rating.rateeId()), RevealedRatings.add("count", "sum", rating.stars()),
                        new UpdateOptions().upsert(true));
            }
        }
    }

    @ResetHandler
    void reset() {
        revealed.reset();
        totals.deleteMany(new Document());
    }

    @QueryHandler
    Optional<JobRatingsView> handle(FindJobRatings query) {
        List<JobRatingsView.Item> items = ratings.find(Filters.eq("jobId", query.jobId()))
                .sort(Sorts.ascending("at", "_id"))
                .map(doc -> new JobRatingsView.Item(doc.getString("raterId"), RaterRole.valueOf(doc.getString("raterRole")),
                        doc.getString("rateeId"), doc.getInteger("stars"), doc.getString("comment"),
                        doc.getDate("at").toInstant(), doc.getBoolean(RevealedRatings.REVEALED)))
                .into(new ArrayList<>());
        return items.isEmpty() ? Optional.empty() : Optional.of(new JobRatingsView(query.jobId(), items));
    }

    @QueryHandler
    UserRatingsView handle(FindUserRatings query) {
        var user = RevealedRatings.Totals.of(totals.find(Filters.eq("_id", query.userId())).first(), "count", "sum");
        List<UserRatingsView.Item> items = ratings.find(Filters.and(Filters.eq("rateeId", query.userId()),
                        Filters.eq(RevealedRatings.REVEALED, true)))
                .sort(Sorts.orderBy(Sorts.descending("at"), Sorts.ascending("_id")))
                .skip(query.page() * query.size())
                .limit(query.size())
                .map(doc -> new UserRatingsView.Item(doc.getString("jobId"), doc.getInteger("stars"),
                        doc.getString("comment"), RaterRole.valueOf(doc.getString("raterRole")),
                        doc.getDate("at").toInstant()))
                .into(new ArrayList<>());
        return new UserRatingsView(query.userId(), user.average(), user.bayesian(bayesian, revealed.platform()),
                (int) user.count(), items, query.page(), query.size());
    }

    private static Bson fields(String jobId, String raterId, RaterRole raterRole, String rateeId, int stars,
                               String comment, Instant at) {
        return Updates.combine(Updates.set("jobId", jobId), Updates.set("raterId", raterId),
                Updates.set("raterRole", raterRole.name()), Updates.set("rateeId", rateeId),
                Updates.set("stars", stars), Updates.set("comment", comment), Updates.set("at", Date.from(at)));
    }
}
