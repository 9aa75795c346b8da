package dev.gigstream.api.job;

import dev.gigstream.api.escrow.PaymentProvider;
import dev.gigstream.api.geocode.Places;
import dev.gigstream.api.idempotency.IdempotentCommands;
import dev.gigstream.api.phone.PhoneRequirement;
import dev.gigstream.api.web.AnswersReadPosition;
import dev.gigstream.api.web.AwaitsReadPosition;
import dev.gigstream.api.web.Idempotent;
import dev.gigstream.api.web.ReadPositions;
import dev.gigstream.api.web.SkillParameters;
import dev.gigstream.api.web.WrittenEvents;
import dev.gigstream.api.web.openapi.ProblemResponse;
import dev.gigstream.api.web.openapi.SendsCommand;
import dev.gigstream.api.web.problems.InvalidRequestException;
import dev.gigstream.api.web.problems.NotFoundException;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.escrow.CheckoutOpened;
import dev.gigstream.messages.escrow.EscrowErrorCode;
import dev.gigstream.messages.escrow.EscrowFundingRequested;
import dev.gigstream.messages.escrow.EscrowReferences;
import dev.gigstream.messages.escrow.EscrowView;
import dev.gigstream.messages.escrow.FindEscrow;
import dev.gigstream.messages.job.ApplyToJob;
import dev.gigstream.messages.job.CancelJob;
import dev.gigstream.messages.job.CheckIn;
import dev.gigstream.messages.job.CheckOut;
import dev.gigstream.messages.job.ConfirmShift;
import dev.gigstream.messages.job.FindJob;
import dev.gigstream.messages.job.FindJobFeed;
import dev.gigstream.messages.job.FindRankedApplicants;
import dev.gigstream.messages.job.GeocodedBy;
import dev.gigstream.messages.job.HireWorker;
import dev.gigstream.messages.job.JobErrorCode;
import dev.gigstream.messages.job.JobFeedPage;
import dev.gigstream.messages.job.JobLimits;
import dev.gigstream.messages.job.JobRules;
import dev.gigstream.messages.job.JobSite;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.JobView;
import dev.gigstream.messages.job.LifecycleDefaults;
import dev.gigstream.messages.job.PostJob;
import dev.gigstream.messages.job.RankedApplicants;
import dev.gigstream.messages.job.ReportNoShow;
import dev.gigstream.messages.job.WithdrawApplication;
import dev.gigstream.messages.job.WorkerApplied;
import dev.gigstream.messages.rating.FindUserRatings;
import dev.gigstream.messages.rating.UserRatingsView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Jobs")
class JobController {

    /** How long a hire waits for Paystack's checkout page before answering without it. */
    static final Duration CHECKOUT_WAIT = Duration.ofSeconds(10);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;
    private final PaymentProvider payments;
    private final Places places;
    private final WrittenEvents writes;
    private final ApplicationEligibilityCheck eligibility;
    private final IdempotentCommands idempotent;

    private final PhoneRequirement phones;

    JobController(CommandGateway commands, QueryGateway queries, Clock clock, PaymentProvider payments, Places places,
                  WrittenEvents writes, ApplicationEligibilityCheck eligibility, IdempotentCommands idempotent,
                  PhoneRequirement phones) {
        this.commands = commands;
        this.phones = phones;
        this.idempotent = idempotent;
        this.eligibility = eligibility;
        this.writes = writes;
        this.queries = queries;
        this.clock = clock;
        this.payments = payments;
        this.places = places;
    }

    @PostMapping
    @Idempotent
    @PreAuthorize("hasRole('CLIENT')")
    @Operation(operationId = "postJob", summary = "Post a shift",
            description = "The shift starts in the future, at most " + JobLimits.HORIZON_DAYS + " days ahead, and lasts at most "
                    + JobLimits.MAX_SHIFT_HOURS + " hours; the pay is "
                    + "1 to 1,000,000,000 minor units of NGN or GHS. A location given by its address alone is geocoded in "
                    + "the pay currency's country (Nigeria for NGN, Ghana for GHS), by Google or, without a Google Maps key, "
                    + "by the offline gazetteer of cities, towns and districts; the answer's `geocodedBy` says which.",
            responses = @ApiResponse(responseCode = "201", description = "Posted",
                    headers = @Header(name = "Location", description = "The new job's path, `/api/v1/jobs/{jobId}`",
                            required = true, schema = @Schema(type = "string", format = "uri-reference"))))
    @SendsCommand
    @ProblemResponse(status = 400, codes = {"INVALID_SHIFT", "SHIFT_IN_THE_PAST", "ADDRESS_NOT_FOUND", "COORDINATES_REQUIRED"})
    @ProblemResponse(status = 403, codes = "CLIENT_SUSPENDED")
    @ProblemResponse(status = 503, codes = {"GEOCODING_UNAVAILABLE", "GEOCODING_BUDGET_SPENT"})
    ResponseEntity<JobRequests.Posted> post(@Valid @RequestBody JobRequests.PostJob request, @AuthenticationPrincipal Jwt client) {
        String jobId = idempotent.newId("job");
        JobSite site = site(request.location(), request.pay().currency());
        commands.sendAndWait(new PostJob(JobId.of(jobId), client.getSubject(), request.title().strip(),
                request.description() == null ? "" : request.description().strip(), SkillParameters.normalize("requiredSkills", request.requiredSkills()),
                site, shift(request.shift()), new Money(request.pay().amount(), request.pay().currency()), clock.instant()));
        return ResponseEntity.created(URI.create("/api/v1/jobs/" + jobId)).body(new JobRequests.Posted(jobId, site.geocodedBy()));
    }

    @GetMapping
    @Operation(operationId = "listJobs",
            summary = "The job feed: open jobs near a point, by skill and date; or a client's own jobs (mine=true)",
            description = "Without `status` the feed lists OPEN jobs (a client's own jobs with `mine=true`: every status). "
                    + "`lat` and `lng` go together and give each item its `distanceKm`; `from` and `to` bound the shift "
                    + "start. Only clients have jobs of their own (`mine=true` by anyone else: 403). Jobs in another "
                    + "status than OPEN are listed to their client (`mine=true`), admins and auditors: anyone else asking "
                    + "for them is answered 403, since who worked for whom is the parties' business.")
    @ProblemResponse(status = 403, codes = "FORBIDDEN")
    JobRequests.Feed feed(@RequestParam(required = false) String skill,
                          @RequestParam(required = false) @DecimalMin("-90") @DecimalMax("90") Double lat,
                          @RequestParam(required = false) @DecimalMin("-180") @DecimalMax("180") Double lng,
                          @RequestParam(defaultValue = "50") @DecimalMin(value = "0", inclusive = false) @DecimalMax("500") double radiusKm,
                          @RequestParam(required = false) Instant from,
                          @RequestParam(required = false) Instant to,
                          @RequestParam(required = false) JobStatus status,
                          @RequestParam(defaultValue = "false") boolean mine,
                          @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                          @AuthenticationPrincipal Jwt user) {
        if ((lat == null) != (lng == null)) {
            throw new InvalidRequestException(lat == null ? "lat" : "lng", "lat and lng go together");
        }
        if (mine && !"CLIENT".equals(user.getClaimAsString("role"))) {
            throw new AccessDeniedException("only clients have jobs of their own");
        }
        JobStatus wanted = status != null ? status : mine ? null : JobStatus.OPEN;
        if (wanted != JobStatus.OPEN && !mine && !JobParties.oversees(user)) {
            throw new AccessDeniedException("others' jobs are listed while they are OPEN; one's own with mine=true");
        }
        var query = new FindJobFeed(skill == null ? null : SkillParameters.normalize("skill", skill), lat == null ? null : new GeoPoint(lat, lng),
                radiusKm, from, to, wanted, mine ? user.getSubject() : null, page, size);
        JobFeedPage result = queries.query(query, JobFeedPage.class).join();
        return new JobRequests.Feed(result.items().stream().map(JobRequests.FeedItem::of).toList(), result.page(),
                result.size(), result.total());
    }

    @GetMapping("/{jobId}")
    @Operation(operationId = "getJob", summary = "A job with its status timeline",
            description = "The hired worker, the escrow, the dispute, the check-in and check-out and the timeline are shown "
                    + "to the job's client, its hired worker, admins and auditors; anyone else reads the job as the feed "
                    + "shows it (those null, the timeline empty).")
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    @AwaitsReadPosition(FindJob.class)
    JobRequests.Details job(@PathVariable String jobId, @AuthenticationPrincipal Jwt user) {
        JobView job = JobParties.asSeenBy(find(jobId), user);
        return JobRequests.Details.of(job, queries.query(new FindUserRatings(job.clientId(), 0, 1), UserRatingsView.class).join());
    }

    @PostMapping("/{jobId}/applications")
    @Idempotent
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('WORKER')")
    @Operation(operationId = "applyToJob", summary = "Apply to an open job, with an optional note to the client",
            description = "The worker needs a profile (`updateWorkerProfile`). Applying to a job one was offered accepts the offer. "
                    + "The answer says whether the client will see the worker among the ranked applicants (`eligible`) "
                    + "and, when not, why (`reasons`: NO_PROFILE, SUSPENDED, MISSING_SKILLS, TOO_FAR, NOT_AVAILABLE); "
                    + "`eligible` is null when the read models did not catch up within 2 seconds. Where the server requires "
                    + "verified phone numbers, a worker without one is refused with 409 PHONE_NOT_VERIFIED.")
    @SendsCommand
    @ProblemResponse(status = 403, codes = "WORKER_SUSPENDED")
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    @ProblemResponse(status = 409, codes = {"JOB_NOT_OPEN", "SHIFT_ALREADY_STARTED", "ALREADY_APPLIED", "WORKER_HAS_NO_PROFILE",
            PhoneRequirement.NOT_VERIFIED})
    @AnswersReadPosition
    JobRequests.Applied apply(@PathVariable String jobId, @Valid @RequestBody(required = false) JobRequests.Apply request,
                              @AuthenticationPrincipal Jwt worker, HttpServletResponse response) {
        String note = request == null || request.note() == null || request.note().isBlank() ? null : request.note().strip();
        String workerId = worker.getSubject();
        phones.requireVerified(workerId);
        var applied = writes.expect(WorkerApplied.class, event -> event.jobId().value().equals(jobId) && event.workerId().value().equals(workerId));
        try {
            idempotent.send(commands, new ApplyToJob(JobId.of(jobId), WorkerId.of(workerId), note, clock.instant()), JobErrorCode.ALREADY_APPLIED);
        } catch (RuntimeException refused) {
            applied.cancel();
            throw refused;
        }
        long position = applied.position();
        response.setHeader(ReadPositions.HEADER, ReadPositions.header(position));
        return JobRequests.Applied.of(jobId, workerId, eligibility.of(jobId, workerId, position));
    }

    @DeleteMapping("/{jobId}/applications/me")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('WORKER')")
    @Operation(operationId = "withdrawApplication", summary = "Withdraw one's application")
    @SendsCommand
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    @ProblemResponse(status = 409, codes = {"HIRED_WORKER_CANNOT_WITHDRAW", "NOT_AN_APPLICANT"})
    void withdraw(@PathVariable String jobId, @AuthenticationPrincipal Jwt worker) {
        commands.sendAndWait(new WithdrawApplication(JobId.of(jobId), WorkerId.of(worker.getSubject())));
    }

    @GetMapping("/{jobId}/applicants")
    @PreAuthorize("hasRole('CLIENT')")
    @JobPartiesOnly(value = JobPartiesOnly.Party.CLIENT, code = "FORBIDDEN")
    @Operation(operationId = "listApplicants", summary = "The job's eligible applicants, best first (only its client may read them)",
            description = "Eligible: holding every required skill, living within " + JobRules.ELIGIBLE_WITHIN_KM + " km, "
                    + "available for the whole shift in "
                    + "its local time, not suspended. Ranked premium first, then by Bayesian rating (unrated last), "
                    + "reliability (unscored last) and last time online.")
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    RankedApplicantsResponse applicants(@PathVariable String jobId, @AuthenticationPrincipal Jwt client) {
        RankedApplicants ranked = queries.query(new FindRankedApplicants(jobId),
                        ResponseTypes.optionalInstanceOf(RankedApplicants.class)).join()
                .orElseThrow(() -> new NotFoundException("No job " + jobId));
        if (!ranked.clientId().equals(client.getSubject())) {
            throw new AccessDeniedException("not the job's client");
        }
        return new RankedApplicantsResponse(ranked.items());
    }

    @PostMapping("/{jobId}/hire")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('CLIENT')")
    @JobPartiesOnly(value = JobPartiesOnly.Party.CLIENT, code = "NOT_THE_JOBS_CLIENT")
    @Operation(operationId = "hireWorker", summary = "Hire one applicant; answers with the escrow and the Paystack page to pay it on",
            description = "The escrow holds the pay plus the service fee; the client pays it on `authorizationUrl` within "
                    + "the payment window (" + LifecycleDefaults.PAYMENT_WINDOW_HOURS + " hours by default, never past the shift start) or the hire lapses and the job "
                    + "opens again. The answer waits up to 10 seconds for Paystack's page: `authorizationUrl` and the "
                    + "amounts are null when it came later (read `getEscrow`). Hiring the hired worker again answers the "
                    + "same escrow.")
    @SendsCommand
    @ProblemResponse(status = 403, codes = {"NOT_THE_JOBS_CLIENT", "CLIENT_SUSPENDED"})
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    @ProblemResponse(status = 409, codes = {"JOB_NOT_OPEN", "NOT_AN_APPLICANT"})
    @ProblemResponse(status = 503, codes = {"PAYMENTS_NOT_CONFIGURED", "TOKEN_CHECK_UNAVAILABLE"})
    @AnswersReadPosition
    JobRequests.Hired hire(@PathVariable String jobId, @Valid @RequestBody JobRequests.Hire request,
                           @AuthenticationPrincipal Jwt client, HttpServletResponse response) {
        if (!payments.configured()) {
            throw new RefusedException(EscrowErrorCode.PAYMENTS_NOT_CONFIGURED,
                    "Payments are off: set PAYSTACK_SECRET_KEY to hire and pay through Paystack");
        }
        EscrowId newEscrowId = EscrowId.of(UUID.randomUUID().toString());
        // the lifecycle opens the escrow and Paystack's checkout page right after the hire: wait for those facts
        var funding = writes.expect(EscrowFundingRequested.class, event -> event.escrowId().equals(newEscrowId));
        var checkout = writes.expect(CheckoutOpened.class, event -> event.escrowId().equals(newEscrowId));
        String escrowId;
        try {
            escrowId = commands.sendAndWait(new HireWorker(JobId.of(jobId), WorkerId.of(request.workerId()), client.getSubject(), newEscrowId, clock.instant()));
        } catch (RuntimeException refused) {
            funding.cancel();
            checkout.cancel();
            throw refused;
        }
        if (!escrowId.equals(newEscrowId.value())) { // a repeated hire keeps the first escrow, whose facts are in its view
            funding.cancel();
            checkout.cancel();
            response.setHeader(ReadPositions.HEADER, ReadPositions.header(writes.head()));
            var escrow = queries.query(new FindEscrow(escrowId), ResponseTypes.optionalInstanceOf(EscrowView.class)).join();
            return hired(jobId, request.workerId(), escrowId, escrow.map(EscrowView::authorizationUrl).orElse(null),
                    escrow.map(EscrowView::amount).orElse(null), escrow.map(EscrowView::serviceFee).orElse(null),
                    escrow.map(EscrowView::total).orElse(null));
        }
        // Paystack slow or down: the lifecycle keeps trying, and the escrow's view shows the page when it comes
        Instant until = Instant.now().plus(CHECKOUT_WAIT);
        EscrowFundingRequested amounts = funding.by(until).map(fact -> answered(fact, response)).orElse(null);
        CheckoutOpened page = checkout.by(until).map(fact -> answered(fact, response)).orElse(null);
        if (amounts == null && page == null) {
            response.setHeader(ReadPositions.HEADER, ReadPositions.header(writes.head()));
        }
        return hired(jobId, request.workerId(), escrowId, page == null ? null : page.authorizationUrl(),
                amounts == null ? null : amounts.pay(), amounts == null ? null : amounts.serviceFee(),
                amounts == null ? null : amounts.total());
    }

    private static JobRequests.Hired hired(String jobId, String workerId, String escrowId, String authorizationUrl,
                                           Money amount, Money serviceFee, Money total) {
        return new JobRequests.Hired(jobId, workerId, escrowId, EscrowReferences.charge(EscrowId.of(escrowId)), authorizationUrl,
                amount, serviceFee, total);
    }

    /** The fact, its position answered as the hire's {@code Read-Position} (the later of the hire's facts). */
    private static <T> T answered(WrittenEvents.Written<T> fact, HttpServletResponse response) {
        String before = response.getHeader(ReadPositions.HEADER);
        if (before == null || Long.parseLong(before) < fact.position()) {
            response.setHeader(ReadPositions.HEADER, ReadPositions.header(fact.position()));
        }
        return fact.payload();
    }

    @PostMapping("/{jobId}/check-in")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('WORKER')")
    @JobPartiesOnly(value = JobPartiesOnly.Party.HIRED_WORKER, code = "NOT_THE_HIRED_WORKER")
    @Operation(operationId = "checkIn",
            summary = "The hired worker arrives (within " + JobRules.GEOFENCE_METRES + " m, from an hour before the start)",
            description = "Checking in again once checked in changes nothing.")
    @SendsCommand
    @ProblemResponse(status = 403, codes = "NOT_THE_HIRED_WORKER")
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    @ProblemResponse(status = 409, codes = {"JOB_DISPUTED", "JOB_NOT_FUNDED", "OUTSIDE_GEOFENCE", "OUTSIDE_CHECK_IN_WINDOW"})
    void checkIn(@PathVariable String jobId, @Valid @RequestBody JobRequests.Attendance request, @AuthenticationPrincipal Jwt worker) {
        commands.sendAndWait(new CheckIn(JobId.of(jobId), WorkerId.of(worker.getSubject()),
                new GeoPoint(request.location().lat(), request.location().lng()), clock.instant()));
    }

    @PostMapping("/{jobId}/check-out")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('WORKER')")
    @JobPartiesOnly(value = JobPartiesOnly.Party.HIRED_WORKER, code = "NOT_THE_HIRED_WORKER")
    @Operation(operationId = "checkOut",
            summary = "The hired worker leaves (within " + JobRules.GEOFENCE_METRES + " m); the client's confirmation window starts",
            description = "Checking out again once checked out changes nothing.")
    @SendsCommand
    @ProblemResponse(status = 403, codes = "NOT_THE_HIRED_WORKER")
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    @ProblemResponse(status = 409, codes = {"JOB_DISPUTED", "NOT_CHECKED_IN", "OUTSIDE_GEOFENCE"})
    void checkOut(@PathVariable String jobId, @Valid @RequestBody JobRequests.Attendance request, @AuthenticationPrincipal Jwt worker) {
        commands.sendAndWait(new CheckOut(JobId.of(jobId), WorkerId.of(worker.getSubject()),
                new GeoPoint(request.location().lat(), request.location().lng()), clock.instant()));
    }

    @PostMapping("/{jobId}/confirm")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('CLIENT')")
    @JobPartiesOnly(value = JobPartiesOnly.Party.CLIENT, code = "NOT_THE_JOBS_CLIENT")
    @Operation(operationId = "confirmShift", summary = "The client confirms the shift: the escrow is released to the worker (once)")
    @SendsCommand
    @ProblemResponse(status = 403, codes = "NOT_THE_JOBS_CLIENT")
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    @ProblemResponse(status = 409, codes = {"JOB_DISPUTED", "NOT_CHECKED_OUT"})
    @ProblemResponse(status = 503, codes = "TOKEN_CHECK_UNAVAILABLE")
    void confirm(@PathVariable String jobId, @AuthenticationPrincipal Jwt client) {
        commands.sendAndWait(new ConfirmShift(JobId.of(jobId), client.getSubject(), false));
    }

    @PostMapping("/{jobId}/no-show")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('CLIENT')")
    @JobPartiesOnly(value = JobPartiesOnly.Party.CLIENT, code = "NOT_THE_JOBS_CLIENT")
    @Operation(operationId = "reportNoShow",
            summary = "The hired worker did not come (" + JobRules.NO_SHOW_AFTER_MINUTES + " minutes into the shift at the earliest): "
                    + "full refund")
    @SendsCommand
    @ProblemResponse(status = 403, codes = "NOT_THE_JOBS_CLIENT")
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    @ProblemResponse(status = 409, codes = {"JOB_DISPUTED", "WORKER_CHECKED_IN", "JOB_NOT_FUNDED", "NO_SHOW_TOO_EARLY"})
    @ProblemResponse(status = 503, codes = "TOKEN_CHECK_UNAVAILABLE")
    void noShow(@PathVariable String jobId, @AuthenticationPrincipal Jwt client) {
        commands.sendAndWait(new ReportNoShow(JobId.of(jobId), client.getSubject(), clock.instant()));
    }

    @PostMapping("/{jobId}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('CLIENT')")
    @JobPartiesOnly(value = JobPartiesOnly.Party.CLIENT, code = "NOT_THE_JOBS_CLIENT")
    @Operation(operationId = "cancelJob", summary = "Cancel a job, with a reason",
            description = "An open or hired job is cancelled for free; a funded one is refunded to the client, less the "
                    + "worker's share when it is cancelled less than " + JobRules.FREE_CANCELLATION_HOURS + " hours before the start.")
    @SendsCommand
    @ProblemResponse(status = 403, codes = "NOT_THE_JOBS_CLIENT")
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    @ProblemResponse(status = 409, codes = "JOB_CANNOT_BE_CANCELLED")
    @ProblemResponse(status = 503, codes = "TOKEN_CHECK_UNAVAILABLE")
    void cancel(@PathVariable String jobId, @Valid @RequestBody JobRequests.Cancel request, @AuthenticationPrincipal Jwt client) {
        commands.sendAndWait(new CancelJob(JobId.of(jobId), client.getSubject(), request.reason().strip(), clock.instant()));
    }

    @Schema(name = "ApplicantList")
    record RankedApplicantsResponse(List<RankedApplicants.Applicant> items) {
    }


    private JobView find(String jobId) {
        return queries.query(new FindJob(jobId), ResponseTypes.optionalInstanceOf(JobView.class)).join()
                .orElseThrow(() -> new NotFoundException("No job " + jobId));
    }

    /** The site as given, or its address geocoded in the market's country: the event stores the resolved point and address. */
    private JobSite site(JobRequests.Location location, Currency currency) {
        if ((location.lat() == null) != (location.lng() == null)) {
            throw new InvalidRequestException(location.lat() == null ? "location.lat" : "location.lng", "lat and lng go together");
        }
        if (location.lat() != null) {
            return new JobSite(new GeoPoint(location.lat(), location.lng()), location.address().strip());
        }
        var place = places.locate(location.address().strip(), Places.countryOf(currency));
        return new JobSite(new GeoPoint(place.lat(), place.lng()), place.formattedAddress(),
                place.geocodedBy());
    }

    private static ShiftWindow shift(JobRequests.Shift shift) {
        try {
            return new ShiftWindow(shift.start(), shift.end());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("shift", e.getMessage());
        }
    }

}
