package dev.gigstream.api.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.job.ApplicationEligibility;
import dev.gigstream.messages.job.EligibilityReason;
import dev.gigstream.messages.job.GeocodedBy;
import dev.gigstream.messages.job.JobFeedItem;
import dev.gigstream.messages.job.JobLimits;
import dev.gigstream.messages.job.JobSite;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.JobView;
import dev.gigstream.messages.rating.UserRatingsView;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Request and response bodies of {@link JobController}, in the shapes the OpenAPI document (docs/openapi.json) fixes. */
final class JobRequests {

    private JobRequests() {
    }

    @Schema(name = "PostJobRequest")
    record PostJob(@NotBlank @Size(min = 3, max = 120) String title,
                   @Size(max = 4000) String description,
                   @NotNull @Size(min = 1, max = 10) List<@NotBlank @Size(max = 40) String> requiredSkills,
                   @NotNull @Valid Location location,
                   @NotNull @Valid Shift shift,
                   @NotNull @Valid Pay pay) {
    }

    /** Coordinates with an address, or the address alone (then geocoded in the pay currency's country). */
    @Schema(name = "JobLocation", description = "Where the shift is: coordinates with an address, or the address alone "
            + "(then geocoded in the pay currency's country; the answers give the point found and the geocoder's address)")
    record Location(@DecimalMin("-90") @DecimalMax("90") Double lat,
                    @DecimalMin("-180") @DecimalMax("180") Double lng,
                    @NotBlank @Size(max = 300) String address) {

        static Location of(JobSite site) {
            return new Location(site.point().lat(), site.point().lng(), site.address());
        }
    }

    @Schema(name = "ShiftPeriod")
    record Shift(@NotNull Instant start, @NotNull Instant end) {

        static Shift of(ShiftWindow window) {
            return new Shift(window.start(), window.end());
        }
    }

    /** Money in minor units (kobo, pesewas): an integer, never a decimal, at most {@link JobLimits#MAX_PAY}. */
    @Schema(name = "JobPayAmount")
    record Pay(@NotNull @Positive @Max(JobLimits.MAX_PAY) Long amount, @NotNull Currency currency) {

        static Pay of(Money money) {
            return new Pay(money.amount(), money.currency());
        }
    }

    /** {@code geocodedBy} only when the location was given by its address alone and geocoded. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PostJobResponse")
    record Posted(String jobId,
                  @Schema(description = "Who found the location's point, when it was given by its address alone: "
                          + "`GOOGLE`, or `GAZETTEER` (the offline gazetteer); absent when coordinates were sent")
                  GeocodedBy geocodedBy) {
    }

    @Schema(name = "ApplyToJobRequest")
    record Apply(@Size(max = 500) String note) {
    }

    /**
     * An application, stored. It is stored whether or not the ranking would list the worker; {@code eligible}
     * says whether the job's client will see them among the ranked applicants, and {@code reasons} why not
     * (the ranking's own rule), with the required skills they lack and their distance from the site. While
     * the read models lag more than a moment behind (rare), {@code eligible} is null and nothing is claimed.
     */
    @Schema(name = "ApplyToJobResponse")
    record Applied(String jobId, String workerId, Boolean eligible, List<EligibilityReason> reasons,
                   List<String> missingSkills, Double distanceKm) {

        static Applied of(String jobId, String workerId, Optional<ApplicationEligibility> eligibility) {
            return eligibility.map(verdict -> new Applied(jobId, workerId, verdict.eligible(), verdict.reasons(),
                            verdict.missingSkills(), verdict.distanceKm()))
                    .orElseGet(() -> new Applied(jobId, workerId, null, List.of(), List.of(), null));
        }
    }

    @Schema(name = "HireWorkerRequest")
    record Hire(@NotBlank @Size(max = 64) String workerId) {
    }

    /** The hire's escrow and the page where the client pays it ({@code authorizationUrl} is null if Paystack was slow). */
    @Schema(name = "HireWorkerResponse")
    record Hired(String jobId, String workerId, String escrowId, String reference, String authorizationUrl, Money amount,
                 Money serviceFee, Money total) {
    }

    @Schema(name = "AttendanceRequest")
    record Attendance(@NotNull @Valid Point location) {
    }

    @Schema(name = "AttendancePoint")
    record Point(@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                 @NotNull @DecimalMin("-180") @DecimalMax("180") Double lng) {
    }

    @Schema(name = "CancelJobRequest")
    record Cancel(@NotBlank @Size(max = 500) String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FeedItem(String jobId, String title, List<String> requiredSkills, Location location, Double distanceKm,
                    Shift shift, Pay pay, JobStatus status, String clientId, Instant postedAt) {

        static FeedItem of(JobFeedItem item) {
            return new FeedItem(item.jobId(), item.title(), item.requiredSkills(), Location.of(item.site()),
                    item.distanceKm() == null ? null : Math.round(item.distanceKm() * 100) / 100.0,
                    Shift.of(item.shift()), Pay.of(item.pay()), item.status(), item.clientId(), item.postedAt());
        }
    }

    @Schema(name = "FeedPage")
    record Feed(List<FeedItem> items, int page, int size, long total) {
    }

    @Schema(name = "JobDetails")
    record Details(String jobId, String clientId, String title, String description, List<String> requiredSkills,
                   Location location, Shift shift, Pay pay, JobStatus status, Instant postedAt, String hiredWorkerId,
                   String escrowId, List<JobView.StatusChange> timeline, Instant checkedInAt, Instant checkedOutAt,
                   boolean checkedOutAutomatically, String disputeId, ClientRating clientRating,
                   @Schema(description = "Who found the location's point when the client gave the address alone: `GOOGLE` "
                           + "or `GAZETTEER` (the offline gazetteer); null when the client sent coordinates, or for a job "
                           + "posted before this was recorded")
                   GeocodedBy geocodedBy) {

        static Details of(JobView job, UserRatingsView clientRatings) {
            return new Details(job.jobId(), job.clientId(), job.title(), job.description(), job.requiredSkills(),
                    Location.of(job.site()), Shift.of(job.shift()), Pay.of(job.pay()), job.status(), job.postedAt(),
                    job.hiredWorkerId(), job.escrowId(), job.timeline(), job.checkedInAt(), job.checkedOutAt(),
                    job.checkedOutAutomatically(), job.disputeId(), new ClientRating(clientRatings.average(),
                            clientRatings.bayesianAverage(), clientRatings.count()), job.site().geocodedBy());
        }
    }

    /** How workers rated the job's client (revealed ratings; the averages null while unrated). */
    @Schema(name = "ClientRatingSummary")
    record ClientRating(Double average, Double bayesianAverage, int count) {
    }
}
