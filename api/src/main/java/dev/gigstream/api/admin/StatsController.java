package dev.gigstream.api.admin;

import dev.gigstream.messages.admin.AdminStatsView;
import dev.gigstream.messages.admin.FindAdminStats;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** The platform's numbers; the same shape is pushed live to admins on {@code /topic/admin/stats}. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin")
class StatsController {

    private final QueryGateway queries;
    private final Clock clock;

    StatsController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/v1/admin/stats")
    @Operation(operationId = "getStats",
            summary = "Jobs by status, money held, gross volume and fees per currency, open disputes, active workers")
    AdminStatsView stats() {
        return queries.query(FindAdminStats.asOf(clock.instant()), AdminStatsView.class).join();
    }
}
