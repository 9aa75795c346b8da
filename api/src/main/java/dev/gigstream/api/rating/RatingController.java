package dev.gigstream.api.rating;

import dev.gigstream.api.idempotency.IdempotentCommands;
import dev.gigstream.api.job.JobPartiesOnly;
import dev.gigstream.api.web.Idempotent;
import dev.gigstream.api.web.openapi.ProblemResponse;
import dev.gigstream.api.web.openapi.SendsCommand;
import dev.gigstream.api.web.problems.NotFoundException;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.job.FindJob;
import dev.gigstream.messages.job.JobView;
import dev.gigstream.messages.rating.FindJobRatings;
import dev.gigstream.messages.rating.FindUserRatings;
import dev.gigstream.messages.rating.JobRatingsIds;
import dev.gigstream.messages.rating.JobRatingsView;
import dev.gigstream.messages.rating.RateJob;
import dev.gigstream.messages.rating.RaterRole;
import dev.gigstream.messages.rating.RatingErrorCode;
import dev.gigstream.messages.rating.RatingRules;
import dev.gigstream.messages.rating.UserRatingsView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Ratings, double-blind: the parties of a finished job rate each other; until the ratings are
 * revealed each party sees only its own. A user's revealed ratings, with the averages, are public
 * to signed-in users.
 */
@RestController
@Tag(name = "Ratings")
class RatingController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;
    private final IdempotentCommands idempotent;

    RatingController(CommandGateway commands, QueryGateway queries, Clock clock, IdempotentCommands idempotent) {
        this.idempotent = idempotent;
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    @PostMapping("/api/v1/jobs/{jobId}/ratings")
    @Idempotent
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('CLIENT', 'WORKER')")
    @JobPartiesOnly(value = JobPartiesOnly.Party.CLIENT_OR_HIRED_WORKER, code = "NOT_A_PARTY_OF_THE_JOB")
    @Operation(operationId = "rateJob",
            summary = "Rate the other party of a finished job (once, within " + RatingRules.WINDOW_DAYS + " days; hidden until both "
                    + "rated or " + RatingRules.REVEAL_AFTER_DAYS + " days passed)",
            description = "The client and the hired worker of a COMPLETED job rate each other; a NO_SHOW is rated by the "
                    + "client alone.")
    @SendsCommand
    @ProblemResponse(status = 403, codes = "NOT_A_PARTY_OF_THE_JOB")
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    @ProblemResponse(status = 409, codes = {"JOB_NOT_FINISHED", "NO_SHOW_RATED_BY_CLIENT_ONLY", "ALREADY_RATED",
            "RATING_WINDOW_CLOSED"})
    Rated rate(@PathVariable String jobId, @Valid @RequestBody Rate request, @AuthenticationPrincipal Jwt rater) {
        idempotent.send(commands, new RateJob(JobRatingsIds.of(jobId), JobId.of(jobId), rater.getSubject(), request.stars(),
                request.comment(), clock.instant()), RatingErrorCode.ALREADY_RATED);
        return new Rated(jobId, request.stars());
    }

    @GetMapping("/api/v1/jobs/{jobId}/ratings")
    @Operation(operationId = "listJobRatings",
            summary = "A job's ratings: each party sees only its own until they are revealed; admins see all")
    @ProblemResponse(status = 403, codes = "FORBIDDEN")
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    JobRatings jobRatings(@PathVariable String jobId, @AuthenticationPrincipal Jwt user) {
        JobView job = queries.query(new FindJob(jobId), ResponseTypes.optionalInstanceOf(JobView.class)).join()
                .orElseThrow(() -> new NotFoundException("No job " + jobId));
        boolean admin = "ADMIN".equals(user.getClaimAsString("role"));
        if (!admin && !user.getSubject().equals(job.clientId()) && !user.getSubject().equals(job.hiredWorkerId())) {
            throw new AccessDeniedException("not a party to this job");
        }
        List<JobRatingsView.Item> all = queries.query(new FindJobRatings(jobId), ResponseTypes.optionalInstanceOf(JobRatingsView.class))
                .join().map(JobRatingsView::items).orElse(List.of());
        boolean revealed = !all.isEmpty() && all.stream().allMatch(JobRatingsView.Item::revealed);
        return new JobRatings(revealed, all.stream()
                .filter(item -> admin || item.revealed() || item.raterId().equals(user.getSubject()))
                .map(item -> new RatingItem(item.byRole(), item.stars(), item.comment(), item.at(), item.revealed()))
                .toList());
    }

    @GetMapping("/api/v1/users/{userId}/ratings")
    @Operation(operationId = "listUserRatings",
            summary = "The revealed ratings a user received, newest first, with the plain and Bayesian averages",
            description = "A user with no revealed rating (or no such user) has `count` 0 and null averages.")
    UserRatingsView userRatings(@PathVariable String userId, @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return queries.query(new FindUserRatings(userId, page, size), UserRatingsView.class).join();
    }

    /** {@code stars}: a whole number from 1 to 5. */
    @Schema(name = "RateJobRequest")
    record Rate(@NotNull @Min(1) @Max(5) Integer stars, @Size(max = 1000) String comment) {
    }

    @Schema(name = "RateJobResponse")
    record Rated(String jobId, int stars) {
    }

    @Schema(name = "JobRatingList")
    record JobRatings(boolean revealed, List<RatingItem> items) {
    }

    @Schema(name = "JobRatingItem")
    record RatingItem(RaterRole byRole, int stars, String comment, Instant at, boolean revealed) {
    }
}
