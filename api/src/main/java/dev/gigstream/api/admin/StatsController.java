package dev.gigstream.api.admin;

import dev.gigstream.api.reach.DeliveryRecords;
import dev.gigstream.api.reach.DeliveryStats;
import dev.gigstream.messages.admin.AdminStatsView;
import dev.gigstream.messages.admin.FindAdminStats;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.job.JobStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The platform's numbers; the same shape is pushed live to admins on {@code /topic/admin/stats}. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin")
class StatsController {

    private final QueryGateway queries;
    private final DeliveryRecords deliveries;
    private final Clock clock;

    StatsController(QueryGateway queries, DeliveryRecords deliveries, Clock clock) {
        this.queries = queries;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** The dashboard's numbers and, over the last 24 hours, how the deliveries by push and SMS went. */
    @Schema(name = "PlatformStatsDetails")
    record Stats(Map<JobStatus, Long> jobsByStatus, List<Money> escrowHeld, List<Money> grossVolume, List<Money> feesEarned,
                 long openDisputes, long activeWorkers, DeliveryStats deliveries) {
    }

    @GetMapping("/api/v1/admin/stats")
    @Operation(operationId = "getStats",
            summary = "Jobs by status, money held, gross volume and fees per currency, open disputes, active workers, "
                    + "deliveries by push and SMS over the last 24 hours",
            description = "The same body, without `deliveries`, is pushed live to admins on the STOMP topic `/topic/admin/stats`.")
    Stats stats() {
        Instant now = clock.instant();
        AdminStatsView view = queries.query(FindAdminStats.asOf(now), AdminStatsView.class).join();
        return new Stats(view.jobsByStatus(), view.escrowHeld(), view.grossVolume(), view.feesEarned(), view.openDisputes(),
                view.activeWorkers(), DeliveryStats.of(deliveries, now));
    }
}
