package dev.gigstream.command.rating;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.rating.JobRatingsIds;
import dev.gigstream.messages.rating.JobRatingsOpened;
import dev.gigstream.messages.rating.RateJob;
import dev.gigstream.messages.rating.RaterRole;
import dev.gigstream.messages.rating.RatingErrorCode;
import dev.gigstream.messages.rating.RatingGiven;
import dev.gigstream.messages.rating.RatingsRevealed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
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
 * once, within the window of {@link RatingPolicy}. The job opens them when it finishes, with its
 * parties and its end, so a rating never looks into the job. Ratings stay hidden until both are given, or
 * until the reveal deadline reveals what there is; a no-show job is rated by the client alone.
 */
@Aggregate
public class JobRatings {

    static final String REVEAL = "ratings-reveal";

    @AggregateIdentifier
    private String ratingsId;
    private JobId jobId;
    private String clientId;
    private WorkerId workerId;
    private JobStatus jobStatus;
    private Instant finishedAt;
    private final Set<RaterRole> rated = EnumSet.noneOf(RaterRole.class);
    private final Map<RaterRole, RatingsRevealed.Rating> hidden = new EnumMap<>(RaterRole.class);

    protected JobRatings() {
    }

    /** Started by the job in the unit of work where it finished: its parties rate each other from here. */
    public static JobRatings open(JobId jobId, String clientId, WorkerId workerId, JobStatus jobStatus, Instant finishedAt) {
        JobRatings ratings = new JobRatings();
        apply(new JobRatingsOpened(JobRatingsIds.of(jobId.value()), jobId, clientId, workerId, jobStatus, finishedAt));
        return ratings;
    }

    /**
     * Ratings the job has not opened are those of a job that finished before jobs opened their ratings
     * (then they open here, as the job would have opened them, and the rating goes on by the same rules), of
     * a job that has not finished, or of no job at all (then not found, as the job itself would be).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RateJob command, KnownJobs jobs, FinishedJobs finishedJobs, DeadlineManager deadlines) {
        if (finishedAt == null) {
            finishedJobs.openingOf(command.jobId()).ifPresent(opening -> apply(opening));
        }
        if (finishedAt == null) {
            if (!jobs.known(command.jobId())) {
                throw new AggregateNotFoundException(command.jobId().value(), "No job " + command.jobId());
            }
            RatingPolicy.checkRating(command.stars(), command.comment());
            throw refusal(RatingErrorCode.JOB_NOT_FINISHED, "Job " + command.jobId()
                    + " has not finished: it is rated once COMPLETED (or, by the client, a NO_SHOW)");
        }
        RaterRole role = roleOf(command.raterId()); // who may rate comes before anything else is said
        RatingPolicy.checkRating(command.stars(), command.comment());
        boolean clientOnly = jobStatus == JobStatus.NO_SHOW;
        if (clientOnly && role == RaterRole.WORKER) {
            throw refusal(RatingErrorCode.NO_SHOW_RATED_BY_CLIENT_ONLY, "Only the client rates a no-show");
        }
        if (rated.contains(role)) {
            throw refusal(RatingErrorCode.ALREADY_RATED, "The " + role + " of job " + command.jobId() + " has rated already");
        }
        if (RatingPolicy.windowClosed(finishedAt, command.at())) {
            throw refusal(RatingErrorCode.RATING_WINDOW_CLOSED, "Job " + command.jobId() + " could be rated until "
                    + finishedAt.plus(RatingPolicy.WINDOW));
        }
        String comment = command.comment() == null || command.comment().isBlank() ? null : command.comment().strip();
        apply(new RatingGiven(ratingsId, jobId, command.raterId(), role,
                role == RaterRole.CLIENT ? workerId.value() : clientId, command.stars(), comment, command.at()));
        Instant revealAt = RatingPolicy.revealAt(finishedAt);
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

    private RaterRole roleOf(String raterId) {
        if (raterId.equals(clientId)) {
            return RaterRole.CLIENT;
        }
        if (raterId.equals(workerId.value())) {
            return RaterRole.WORKER;
        }
        throw refusal(RatingErrorCode.NOT_A_PARTY_OF_THE_JOB, "Only the client and the hired worker of a job rate it");
    }

    private static RefusedException refusal(RatingErrorCode code, String detail) {
        return new RefusedException(code, detail);
    }

    @EventSourcingHandler
    void on(JobRatingsOpened event) {
        ratingsId = event.ratingsId();
        jobId = event.jobId();
        clientId = event.clientId();
        workerId = event.workerId();
        jobStatus = event.jobStatus();
        finishedAt = event.finishedAt();
    }

    /** A stream the previous version began with a rating, before jobs opened their ratings, has its id here. */
    @EventSourcingHandler
    void on(RatingGiven event) {
        if (ratingsId == null) {
            ratingsId = event.ratingsId();
            jobId = event.jobId();
        }
        rated.add(event.raterRole());
        hidden.put(event.raterRole(), new RatingsRevealed.Rating(event.raterId(), event.raterRole(), event.rateeId(),
                event.stars(), event.comment(), event.at()));
    }

    @EventSourcingHandler
    void on(RatingsRevealed event) {
        event.ratings().forEach(rating -> hidden.remove(rating.raterRole()));
    }
}
