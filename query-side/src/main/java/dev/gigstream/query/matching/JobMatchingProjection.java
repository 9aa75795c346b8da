package dev.gigstream.query.matching;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.gigstream.messages.common.BoundingBox;
import dev.gigstream.messages.job.FindJobMatches;
import dev.gigstream.messages.job.JobCancelled;
import dev.gigstream.messages.job.JobExpired;
import dev.gigstream.messages.job.JobMatch;
import dev.gigstream.messages.job.JobOffered;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.query.ranking.RankingPolicy;
import dev.gigstream.query.worker.WorkerProfileProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Background matching: when a job is posted, the best fitting workers (by {@link RankingPolicy},
 * among those living within its reach) get a {@code job.match} offer that lapses after a while.
 * It runs in its own processor, after the post has been stored, so it can never slow down or fail
 * a post. Each offer is also published ({@code JobOffered}) so the offered worker is notified. Offers
 * are not handed out again when the stream is replayed. Offers of a job that is hired, cancelled or
 * expired are withdrawn.
 */
@Component
@ProcessingGroup(JobMatchingProjection.NAME)
public class JobMatchingProjection {

    public static final String NAME = "job-matching";
    static final String COLLECTION = "job_matches";

    private final MongoCollection<Document> offers;
    private final WorkerProfileProjection workers;
    private final int maxOffers;
    private final Duration offerLifetime;

    public JobMatchingProjection(MongoDatabase readModels, WorkerProfileProjection workers,
                                 @Value("${gigstream.matching.max-offers:20}") int maxOffers,
                                 @Value("${gigstream.matching.offer-lifetime:15m}") Duration offerLifetime) {
        this.offers = readModels.getCollection(COLLECTION);
        this.workers = workers;
        this.maxOffers = maxOffers;
        this.offerLifetime = offerLifetime;
        offers.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        offers.createIndex(Indexes.ascending("workerId", "expiresAt"));
        offers.createIndex(Indexes.ascending("jobId"));
    }

    @EventHandler
    @DisallowReplay
    void on(JobPosted event, @Timestamp Instant at, EventGateway events) {
        var needs = new RankingPolicy.Needs(event.requiredSkills(), event.site().point(), event.shift(),
                event.pay().currency().zone());
        var nearby = workers.candidates(event.requiredSkills(),
                BoundingBox.around(event.site().point(), RankingPolicy.MAX_DISTANCE_KM));
        List<RankingPolicy.Fit> best = RankingPolicy.rank(needs, nearby).stream().limit(maxOffers).toList();
        for (int i = 0; i < best.size(); i++) {
            String workerId = best.get(i).candidate().workerId();
            offers.replaceOne(Filters.eq("_id", event.jobId() + ":" + workerId),
                    new Document("jobId", event.jobId())
                            .append("workerId", workerId)
                            .append("rank", i + 1)
                            .append("offeredAt", Date.from(at))
                            .append("expiresAt", Date.from(at.plus(offerLifetime))),
                    new ReplaceOptions().upsert(true));
            events.publish(new JobOffered(event.jobId(), workerId, i + 1, at, at.plus(offerLifetime)));
        }
    }

    @EventHandler
    void on(WorkerHired event) {
        offers.deleteMany(Filters.eq("jobId", event.jobId()));
    }

    @EventHandler
    void on(JobCancelled event) {
        offers.deleteMany(Filters.eq("jobId", event.jobId()));
    }

    @EventHandler
    void on(JobExpired event) {
        offers.deleteMany(Filters.eq("jobId", event.jobId()));
    }

    @ResetHandler
    void reset() {
        offers.deleteMany(new Document());
    }

    @QueryHandler
    List<JobMatch> handle(FindJobMatches query) {
        return offers.find(Filters.and(Filters.eq("workerId", query.workerId()), Filters.gt("expiresAt", Date.from(query.at()))))
                .sort(Sorts.descending("offeredAt"))
                .map(doc -> new JobMatch(doc.getString("jobId"), doc.getString("workerId"), doc.getInteger("rank"),
                        doc.getDate("offeredAt").toInstant(), doc.getDate("expiresAt").toInstant()))
                .into(new ArrayList<>());
    }
}
