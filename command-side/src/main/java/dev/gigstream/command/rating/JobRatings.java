package dev.gigstream.command.rating;

import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.rating.RaterRole;
import dev.gigstream.messages.rating.RateJob;
import dev.gigstream.messages.rating.RatingErrorCode;
import dev.gigstream.messages.rating.RatingGiven;
import dev.gigstream.messages.rating.RatingsRevealed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The two ratings of a finished job: the client rates the worker and the worker the client, each
 * once, within the window of {@link RatingPolicy}. Ratings stay hidden until both are given, or
 * until the reveal deadline reveals what there is; a no-show job is rated by the client alone.
 */
@Aggregate
public class JobRatings {

    static final String REVEAL = "ratings-reveal";

    @AggregateIdentifier
    private String ratingsId;
    private String jobId;
    private final Set<RaterRole> rated = EnumSet.noneOf(RaterRole.class);
    private final Map<RaterRole, RatingsRevealed.Rating> hidden = new EnumMap<>(RaterRole.class);

    protected JobRatings() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RateJob command, RatedJobs jobs, DeadlineManager deadlines) {
        RatedJobs.RatedJob job = jobs.of(command.jobId());
        RaterRole role = roleOf(command.raterId(), job); // who may rate comes before anything else is said
        RatingPolicy.checkRating(command.stars(), command.comment());
        if (!job.finished()) {
            throw refusal(RatingErrorCode.JOB_NOT_FINISHED, "Job " + command.jobId() + " is " + job.status()
                    + ": it is rated once COMPLETED (or, by the client, a NO_SHOW)");
        }
        boolean clientOnly = job.status() == JobStatus.NO_SHOW;
        if (clientOnly && role == RaterRole.WORKER) {
            throw refusal(RatingErrorCode.NO_SHOW_RATED_BY_CLIENT_ONLY, "Only the client rates a no-show");
        }
        if (rated.contains(role)) {
            throw refusal(RatingErrorCode.ALREADY_RATED, "The " + role + " of job " + command.jobId() + " has rated already");
        }
        if (RatingPolicy.windowClosed(job.finishedAt(), command.at())) {
            throw refusal(RatingErrorCode.RATING_WINDOW_CLOSED, "Job " + command.jobId() + " could be rated until "
                    + job.finishedAt().plus(RatingPolicy.WINDOW));
        }
        String comment = command.comment() == null || command.comment().isBlank() ? null : command.comment().strip();
        apply(new RatingGiven(command.ratingsId(), command.jobId(), command.raterId(), role,
                role == RaterRole.CLIENT ? job.workerId() : job.clientId(), command.stars(), comment, command.at()));
        Instant revealAt = RatingPolicy.revealAt(job.finishedAt());
        boolean everyoneRated = clientOnly || rated.size() == RaterRole.values().length;
        if (everyoneRated || !command.at().isBefore(revealAt)) {
            reveal(command.at());
        } else if (rated.size() == 1) {
            deadlines.schedule(revealAt, REVEAL, revealAt);
        }
    }

    /** Seven days after the job's end: whatever was given is revealed, the other party's silence too. */
    @DeadlineHandler(deadlineName = REVEAL)
    void onRevealDeadline(Instant revealAt) {
        reveal(revealAt);
    }

    private void reveal(Instant at) {
        if (!hidden.isEmpty()) {
            apply(new RatingsRevealed(ratingsId, jobId, List.copyOf(hidden.values()), at));
        }
    }

    private static RaterRole roleOf(String raterId, RatedJobs.RatedJob job) {
        if (raterId.equals(job.clientId())) {
            return RaterRole.CLIENT;
        }
        if (raterId.equals(job.workerId())) {
            return RaterRole.WORKER;
        }
        throw refusal(RatingErrorCode.NOT_A_PARTY_OF_THE_JOB, "Only the client and the hired worker of a job rate it");
    }

    private static RefusedException refusal(RatingErrorCode code, String detail) {
        return new RefusedException(code, detail);
    }

    @EventSourcingHandler
    void on(RatingGiven event) {
        ratingsId = event.ratingsId();
        jobId = event.jobId();
        rated.add(event.raterRole());
        hidden.put(event.raterRole(), new RatingsRevealed.Rating(event.raterId(), event.raterRole(), event.rateeId(),
                event.stars(), event.comment(), event.at()));
    }

    @EventSourcingHandler
    void on(RatingsRevealed event) {
        event.ratings().forEach(rating -> hidden.remove(rating.raterRole()));
    }
}
