package dev.gigstream.api.location;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gigstream.api.job.JobPartiesOnly;
import dev.gigstream.api.web.problems.NotFoundException;
import dev.gigstream.api.web.problems.Problems;
import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.messages.job.FindJob;
import dev.gigstream.messages.job.JobRules;
import dev.gigstream.messages.job.JobView;
import dev.gigstream.messages.location.LocationErrorCode;
import dev.gigstream.api.web.openapi.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The hired worker's live location during a shift, and the safety links they hand out. Pings and
 * links are not events: they are personal, frequent and erasable, so they live in the read-model
 * store for a limited time ({@code gigstream.retention.location-pings} and {@code .share-links}). The job's facts come from the job
 * read model.
 */
@RestController
@Tag(name = "Location")
class LocationController {

    private final QueryGateway queries;
    private final LocationStore locations;
    private final ShareTokens tokens = new ShareTokens();
    private final Clock clock;
    private final String publicUrl;

    LocationController(QueryGateway queries, LocationStore locations, Clock clock,
                       @Value("${gigstream.public-url}") String publicUrl) {
        this.queries = queries;
        this.locations = locations;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @PostMapping("/api/v1/jobs/{jobId}/location")
    @JobPartiesOnly(value = JobPartiesOnly.Party.HIRED_WORKER, code = "NOT_THE_HIRED_WORKER")
    @Operation(operationId = "sendLocation", summary = "The hired worker's current location (from "
            + JobRules.LOCATION_OPENS_MINUTES_BEFORE + " minutes before the start until check-out; at most one every "
            + JobRules.LOCATION_EVERY_SECONDS + " seconds, else 429 RATE_LIMITED with Retry-After)",
            responses = @ApiResponse(responseCode = "202", description = "Taken",
                    content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                            schema = @Schema(implementation = PingTaken.class))))
    @ProblemResponse(status = 403, codes = "NOT_THE_HIRED_WORKER")
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    @ProblemResponse(status = 409, codes = "OUTSIDE_LOCATION_WINDOW")
    ResponseEntity<Object> ping(@PathVariable String jobId, @Valid @RequestBody Ping request, @AuthenticationPrincipal Jwt worker) {
        JobView job = job(jobId);
        requireHiredWorker(job, worker);
        Instant now = clock.instant();
        LocationWindow.requireOpen(job, now);
        LocationStore.Ping ping = new LocationStore.Ping(request.lat(), request.lng(), request.accuracyM(), now);
        OptionalLong tooSoon = locations.record(worker.getSubject(), jobId, ping);
        if (tooSoon.isPresent()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(tooSoon.getAsLong()))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", "At most one location every "
                            + JobRules.LOCATION_EVERY_SECONDS + " seconds; try again in " + tooSoon.getAsLong() + " seconds"));
        }
        return ResponseEntity.accepted().body(new PingTaken(jobId, ping.at()));
    }

    @GetMapping("/api/v1/jobs/{jobId}/location")
    @Operation(operationId = "getLatestLocation",
            summary = "The hired worker's latest location, for the job's client, the worker and admins (404 before the first)")
    @ProblemResponse(status = 403, codes = "FORBIDDEN")
    @ProblemResponse(status = 404, codes = {"NOT_FOUND", "NO_LOCATION_YET"})
    Location latest(@PathVariable String jobId, @AuthenticationPrincipal Jwt user) {
        JobView job = job(jobId);
        boolean admin = "ADMIN".equals(user.getClaimAsString("role"));
        if (!admin && !user.getSubject().equals(job.clientId()) && !user.getSubject().equals(job.hiredWorkerId())) {
            throw new AccessDeniedException("not a party to this job");
        }
        LocationStore.Ping ping = job.hiredWorkerId() == null ? null : locations.latest(jobId, job.hiredWorkerId()).orElse(null);
        if (ping == null) {
            throw new RefusedException(LocationErrorCode.NO_LOCATION_YET, "The hired worker has not shared a location for this job");
        }
        return new Location(ping.lat(), ping.lng(), ping.accuracyM(), ping.at());
    }

    @PostMapping("/api/v1/jobs/{jobId}/location-shares")
    @ResponseStatus(HttpStatus.CREATED)
    @JobPartiesOnly(value = JobPartiesOnly.Party.HIRED_WORKER, code = "NOT_THE_HIRED_WORKER")
    @Operation(operationId = "createLocationShare", summary = "A safety link showing the hired worker's live location to anyone "
            + "holding it (1 to 4 hours, never past an hour after check-out); the token is shown once",
            description = "Only for a funded shift that is on. `shareUrl` opens a page that anyone may read without signing "
                    + "in; it reads `getSharedLocation`.")
    @ProblemResponse(status = 403, codes = "NOT_THE_HIRED_WORKER")
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    @ProblemResponse(status = 409, codes = "OUTSIDE_LOCATION_WINDOW")
    ShareCreated share(@PathVariable String jobId, @Valid @RequestBody(required = false) CreateShare request,
                       @AuthenticationPrincipal Jwt worker) {
        JobView job = job(jobId);
        requireHiredWorker(job, worker);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as stored
        if (!ShareExpiry.SHAREABLE.contains(job.status())) {
            throw new RefusedException(LocationErrorCode.OUTSIDE_LOCATION_WINDOW,
                    "The job is " + job.status() + "; a location link is made only for a funded shift that is on");
        }
        int hours = request == null || request.hours() == null ? ShareExpiry.DEFAULT_HOURS : request.hours();
        Instant expiresAt = ShareExpiry.onCreation(now, hours, job.checkedOutAt());
        if (!expiresAt.isAfter(now)) {
            throw new RefusedException(LocationErrorCode.OUTSIDE_LOCATION_WINDOW,
                    "The worker checked out more than an hour ago; the location is no longer shared");
        }
        ShareTokens.Token token = tokens.next();
        String shareId = UUID.randomUUID().toString();
        locations.create(new LocationStore.Share(shareId, token.hash(), jobId, worker.getSubject(), now, expiresAt, null));
        return new ShareCreated(shareId, token.value(), publicUrl + "/share/" + token.value(), expiresAt);
    }

    @DeleteMapping("/api/v1/jobs/{jobId}/location-shares/{shareId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeLocationShare", summary = "Turns a safety link off for good (its worker only)")
    @ProblemResponse(status = 403, codes = "NOT_THE_HIRED_WORKER")
    @ProblemResponse(status = 404, codes = "SHARE_NOT_FOUND")
    void revoke(@PathVariable String jobId, @PathVariable String shareId, @AuthenticationPrincipal Jwt worker) {
        LocationStore.Share share = locations.byId(shareId).filter(found -> found.jobId().equals(jobId))
                .orElseThrow(() -> new RefusedException(LocationErrorCode.SHARE_NOT_FOUND, "No share " + shareId + " for job " + jobId));
        if (!share.workerId().equals(worker.getSubject())) {
            throw new RefusedException(LocationErrorCode.NOT_THE_HIRED_WORKER, "Only the worker who made a link turns it off");
        }
        locations.revoke(shareId, clock.instant());
    }

    private JobView job(String jobId) {
        return queries.query(new FindJob(jobId), ResponseTypes.optionalInstanceOf(JobView.class)).join()
                .orElseThrow(() -> new NotFoundException("No job " + jobId));
    }

    private static void requireHiredWorker(JobView job, Jwt user) {
        if (job.hiredWorkerId() == null || !job.hiredWorkerId().equals(user.getSubject())) {
            throw new RefusedException(LocationErrorCode.NOT_THE_HIRED_WORKER, "Only the job's hired worker shares its location");
        }
    }

    /** {@code accuracyM}: the radius of the phone's fix in metres, if it gives one. */
    @Schema(name = "LocationPingRequest")
    record Ping(@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                @NotNull @DecimalMin("-180") @DecimalMax("180") Double lng,
                @DecimalMin("0") @DecimalMax("100000") Double accuracyM) {
    }

    @Schema(name = "LocationPingResponse")
    record PingTaken(String jobId, Instant at) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "LiveLocationDetails", description = "The hired worker's latest ping; `accuracyM` when the phone gave one")
    record Location(double lat, double lng, Double accuracyM, Instant at) {
    }

    /** {@code hours}: 1 to 4, 4 when left out. */
    @Schema(name = "CreateLocationShareRequest")
    record CreateShare(@Min(ShareExpiry.MIN_HOURS) @Max(ShareExpiry.MAX_HOURS) Integer hours) {
    }

    @Schema(name = "CreateLocationShareResponse")
    record ShareCreated(String shareId, String token, String shareUrl, Instant expiresAt) {
    }
}
