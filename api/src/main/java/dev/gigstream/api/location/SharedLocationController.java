package dev.gigstream.api.location;

import dev.gigstream.api.auth.AccountEmails;
import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.messages.job.FindJob;
import dev.gigstream.messages.job.JobView;
import dev.gigstream.messages.location.LocationErrorCode;
import io.swagger.v3.oas.annotations.Hidden;
import dev.gigstream.api.web.openapi.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * What a safety link shows to whoever holds it, without an account: the worker's first name, the
 * job's title, the last location and when the link expires; and the small page that shows it. The
 * token in the path is the only credential: lookups are rate limited per client address
 * ({@link ShareRateLimitFilter}), answers are never cached and never send a referrer.
 */
@RestController
@Tag(name = "Location")
class SharedLocationController {

    private final QueryGateway queries;
    private final LocationStore locations;
    private final AccountEmails accounts;
    private final Clock clock;

    SharedLocationController(QueryGateway queries, LocationStore locations, AccountEmails accounts, Clock clock) {
        this.queries = queries;
        this.locations = locations;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/api/v1/location-shares/{token}")
    @Operation(operationId = "getSharedLocation",
            summary = "What a safety link shows (no sign-in): 404 for an unknown token, 410 once expired or turned off",
            description = "The token in the path is the only credential. Look-ups are limited per client address ("
                    + ShareRateLimitFilter.LOOKUPS_PER_MINUTE + " a minute by default); answers are never cached (`Cache-Control: no-store`) and send no referrer.")
    @SecurityRequirements
    @ProblemResponse(status = 404, codes = "SHARE_NOT_FOUND")
    @ProblemResponse(status = 410, codes = {"SHARE_EXPIRED", "SHARE_REVOKED"})
    ResponseEntity<SharedLocation> shared(@PathVariable String token) {
        if (!ShareTokens.wellFormed(token)) {
            throw unknownLink();
        }
        LocationStore.Share share = locations.byTokenHash(ShareTokens.hash(token)).orElseThrow(SharedLocationController::unknownLink);
        JobView job = queries.query(new FindJob(share.jobId()), ResponseTypes.optionalInstanceOf(JobView.class)).join()
                .orElse(null);
        switch (ShareExpiry.state(share, job, clock.instant())) {
            case REVOKED -> throw new RefusedException(LocationErrorCode.SHARE_REVOKED, "The worker turned this location link off");
            case EXPIRED -> throw new RefusedException(LocationErrorCode.SHARE_EXPIRED, "This location link has expired");
            case LIVE -> {
            }
        }
        LastLocation last = locations.latest(share.jobId(), share.workerId())
                .map(ping -> new LastLocation(ping.lat(), ping.lng(), ping.at()))
                .orElse(null);
        String firstName = accounts.fullName(share.workerId()).map(SharedLocationController::firstName).orElse(null);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex")
                .body(new SharedLocation(job.title(), firstName,
                        last, ShareExpiry.effective(share.expiresAt(), job.checkedOutAt())));
    }

    /** The page every share link opens; it asks the endpoint above itself. */
    @Hidden
    @GetMapping("/share/{token}")
    ResponseEntity<String> page(@PathVariable String token) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", SharePage.CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex")
                .body(SharePage.HTML);
    }

    private static RefusedException unknownLink() {
        return new RefusedException(LocationErrorCode.SHARE_NOT_FOUND, "No such location link");
    }

    /** The first word of a full name; null when there is none. */
    static String firstName(String fullName) {
        String trimmed = fullName == null ? "" : fullName.strip();
        return trimmed.isEmpty() ? null : trimmed.split("\\s+", 2)[0];
    }

    /** {@code lastLocation} is null until the worker's first ping. */
    @Schema(name = "SharedLocationDetails")
    record SharedLocation(String jobTitle, String workerFirstName, LastLocation lastLocation, Instant expiresAt) {
    }

    @Schema(name = "SharedLocationPoint")
    record LastLocation(double lat, double lng, Instant at) {
    }
}
