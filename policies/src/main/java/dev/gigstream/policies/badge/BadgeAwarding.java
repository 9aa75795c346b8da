package dev.gigstream.policies.badge;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.gigstream.messages.common.Refusal;
import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.job.JobCompleted;
import dev.gigstream.messages.job.JobDisputeSettled;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.WorkerNoShow;
import dev.gigstream.messages.rating.RaterRole;
import dev.gigstream.messages.rating.RatingsRevealed;
import dev.gigstream.messages.worker.AwardBadge;
import dev.gigstream.messages.worker.Badge;
import dev.gigstream.messages.worker.BadgeAwarded;
import dev.gigstream.messages.worker.WorkerErrorCode;
import dev.gigstream.query.common.InOrder;
import dev.gigstream.query.rating.BayesianAverage;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import dev.gigstream.query.common.SharedProcessor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Awards badges: keeps every worker's progress and the platform's rating totals in {@code badge_progress},
 * and after each change sends {@link AwardBadge} once for each badge the {@link BadgePolicy} finds earned.
 * It runs in order (streaks and runs follow a worker's events across jobs) and, while the stream is
 * replayed, rebuilds the progress without sending anything.
 */
@Component
@InOrder
@SharedProcessor(SharedProcessor.IN_ORDER_READ_MODELS)
@ProcessingGroup(BadgeAwarding.NAME)
public class BadgeAwarding {

    public static final String NAME = "badge-awarding";
    static final String COLLECTION = "badge_progress";
    static final String PLATFORM = "platform";
    /**
     * How many of the latest ratings the platform totals remember, to count each once: a rating comes again
     * with its batch, or from the dead-letter queue within minutes. One retried after more ratings than
     * this would count twice; kept in the same document as the totals, so that both change in one write.
     */
    static final int PLATFORM_MEMORY = 1_000;

    private static final Logger log = LoggerFactory.getLogger(BadgeAwarding.class);
    private static final String COUNTED = "counted";
    private static final String SENT = "sent";
    private static final String COMPLETED = "completedShifts";
    private static final String SINCE_NO_SHOW = "shiftsSinceNoShow";
    private static final String STREAK = "fiveStarStreak";
    private static final String CLIENT_RATINGS = "clientRatings";
    private static final String CLIENT_STARS = "clientStars";
    private static final String RATINGS = "ratings";
    private static final String STARS = "stars";

    private final MongoCollection<Document> progress;
    private final BadgePolicy policy;
    private final CommandGateway commands;

    public BadgeAwarding(MongoDatabase readModels, BayesianAverage bayesian, CommandGateway commands) {
        this.progress = readModels.getCollection(COLLECTION);
        this.policy = new BadgePolicy(bayesian);
        this.commands = commands;
    }

    @EventHandler
    void on(JobCompleted event, @Timestamp Instant at, ReplayStatus replay) {
        completed(event.workerId().value(), event.jobId().value(), at, replay);
    }

    @EventHandler
    void on(JobDisputeSettled event, @Timestamp Instant at, ReplayStatus replay) {
        // settled COMPLETED, the worker was paid (whole or in part) for the shift; CANCELLED, it was refunded
        if (event.status() == JobStatus.COMPLETED) {
            completed(event.workerId().value(), event.jobId().value(), at, replay);
        }
    }

    @EventHandler
    void on(WorkerNoShow event) {
        count(event.workerId().value(), "no-show:" + event.jobId(), Updates.set(SINCE_NO_SHOW, 0));
    }

    @EventHandler
    void on(RatingsRevealed event, @Timestamp Instant at, ReplayStatus replay) {
        for (RatingsRevealed.Rating rating : event.ratings()) {
            String fact = "rating:" + event.ratingsId() + "/" + rating.raterId();
            countOnPlatform(fact, rating.stars());
            if (rating.raterRole() == RaterRole.CLIENT) {
                count(rating.rateeId(), fact, Updates.combine(Updates.inc(CLIENT_RATINGS, 1),
                        Updates.inc(CLIENT_STARS, rating.stars()),
                        rating.stars() == BadgePolicy.STREAK_STARS ? Updates.inc(STREAK, 1) : Updates.set(STREAK, 0)));
                awardEarned(rating.rateeId(), at, replay);
            }
        }
    }

    @EventHandler
    void on(BadgeAwarded event) {
        // an award counts as sent, so after a rebuild only what was never awarded is asked for again
        progress.updateOne(Filters.eq("_id", idOf(event.workerId().value())), Updates.addToSet(SENT, event.badge().name()),
                new UpdateOptions().upsert(true));
    }

    @ResetHandler
    void reset() {
        progress.deleteMany(new Document());
    }

    private void completed(String workerId, String jobId, Instant at, ReplayStatus replay) {
        count(workerId, "completed:" + jobId, Updates.combine(Updates.inc(COMPLETED, 1), Updates.inc(SINCE_NO_SHOW, 1)));
        awardEarned(workerId, at, replay);
    }

    /**
     * Applies a fact about a worker once, however often it is delivered: the fact is remembered in the
     * worker's document by the same write. Read, then write, both by {@code _id} (see SequencedWrites for why).
     */
    private void count(String workerId, String fact, Bson update) {
        String id = idOf(workerId);
        Document seen = progress.find(Filters.eq("_id", id)).projection(Projections.include(COUNTED)).first();
        if (seen != null && seen.getList(COUNTED, String.class, List.of()).contains(fact)) {
            return;
        }
        progress.updateOne(Filters.eq("_id", id), Updates.combine(update, Updates.push(COUNTED, fact)),
                new UpdateOptions().upsert(true));
    }

    private void countOnPlatform(String fact, int stars) {
        Document seen = progress.find(Filters.eq("_id", PLATFORM)).projection(Projections.include(COUNTED)).first();
        if (seen != null && seen.getList(COUNTED, String.class, List.of()).contains(fact)) {
            return;
        }
        progress.updateOne(Filters.eq("_id", PLATFORM), Updates.combine(Updates.inc(RATINGS, 1), Updates.inc(STARS, stars),
                        Updates.pushEach(COUNTED, List.of(fact), new PushOptions().slice(-PLATFORM_MEMORY))),
                new UpdateOptions().upsert(true));
    }

    /** Sends each badge the worker has earned and not yet been sent; nothing while the stream is replayed. */
    private void awardEarned(String workerId, Instant at, ReplayStatus replay) {
        if (replay.isReplay()) {
            return;
        }
        Document worker = progress.find(Filters.eq("_id", idOf(workerId))).projection(Projections.exclude(COUNTED)).first();
        Document platform = progress.find(Filters.eq("_id", PLATFORM)).projection(Projections.exclude(COUNTED)).first();
        Set<Badge> due = policy.earned(progressOf(worker, platform == null ? new Document() : platform));
        worker.getList(SENT, String.class, List.of()).forEach(sent -> due.remove(Badge.valueOf(sent)));
        for (Badge badge : due) {
            award(workerId, badge, at);
        }
    }

    private void award(String workerId, Badge badge, Instant at) {
        try {
            commands.sendAndWait(new AwardBadge(WorkerId.of(workerId), badge, at));
        } catch (RefusedException | CommandExecutionException e) {
            if (!alreadyAwarded(e)) {
                throw e;
            }
            // expected once the progress was rebuilt: the worker keeps the badge from the first time
            log.debug("Worker {} already has the badge {}", workerId, badge);
        }
        progress.updateOne(Filters.eq("_id", idOf(workerId)), Updates.addToSet(SENT, badge.name()));
    }

    /** A refusal arrives as such from a local command bus, or as the details of a CommandExecutionException. */
    private static boolean alreadyAwarded(RuntimeException e) {
        Object details = e instanceof RefusedException refused ? refused.refusal()
                : ((CommandExecutionException) e).getDetails().orElse(null);
        return details instanceof Refusal refusal && WorkerErrorCode.BADGE_ALREADY_AWARDED.name().equals(refusal.code());
    }

    private static BadgePolicy.Progress progressOf(Document worker, Document platform) {
        return new BadgePolicy.Progress(number(worker, COMPLETED), number(worker, SINCE_NO_SHOW), number(worker, STREAK),
                number(worker, CLIENT_RATINGS), number(worker, CLIENT_STARS), number(platform, RATINGS),
                number(platform, STARS));
    }

    private static long number(Document doc, String field) {
        Number value = doc.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }

    private static String idOf(String workerId) {
        return "worker:" + workerId;
    }
}
