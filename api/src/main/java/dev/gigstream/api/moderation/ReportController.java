package dev.gigstream.api.moderation;

import dev.gigstream.api.idempotency.IdempotentCommands;
import dev.gigstream.api.auth.Account;
import dev.gigstream.api.auth.Accounts;
import dev.gigstream.api.job.JobParties;
import dev.gigstream.api.web.Idempotent;
import dev.gigstream.api.web.problems.NotFoundException;
import dev.gigstream.messages.job.FindJob;
import dev.gigstream.messages.job.JobView;
import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.api.web.openapi.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
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

/**
 * Abuse reports: any signed-in user reports a user or a job (one open report per reporter and subject);
 * admins list and close them. Suspending the user a report is about closes it too ({@link SuspensionController}).
 */
@RestController
@Tag(name = "Moderation")
class ReportController {

    private final AbuseReports reports;
    private final IdempotentCommands idempotent;
    private final Accounts accounts;
    private final QueryGateway queries;
    private final Clock clock;

    ReportController(AbuseReports reports, Accounts accounts, QueryGateway queries, Clock clock,
                     IdempotentCommands idempotent) {
        this.idempotent = idempotent;
        this.reports = reports;
        this.accounts = accounts;
        this.queries = queries;
        this.clock = clock;
    }

    @PostMapping("/api/v1/reports")
    @Idempotent
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "fileReport", summary = "Report a user or a job to the admins",
            description = "One open report per reporter and subject; not about oneself or one's own job. A report on a job "
                    + "is about its client; a job is reported by its client or hired worker, or by anyone while it is "
                    + "OPEN (in the feed).")
    @ProblemResponse(status = 400, codes = "CANNOT_REPORT_YOURSELF")
    @ProblemResponse(status = 403, codes = "NOT_A_PARTY_OF_THE_JOB")
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    @ProblemResponse(status = 409, codes = "ALREADY_REPORTED")
    ModerationRequests.Filed file(@Valid @RequestBody ModerationRequests.File request, @AuthenticationPrincipal Jwt reporter) {
        String reportId = idempotent.newId("report");
        if (reports.byId(reportId).filter(filed -> filed.reporterId().equals(reporter.getSubject())).isPresent()) {
            // an earlier attempt of this request (same key) filed it and its instance died before answering
            return new ModerationRequests.Filed(reportId);
        }
        String subjectUserId = switch (request.subjectType()) {
            case USER -> accounts.byId(request.subjectId()).filter(account -> account.role().selfService()).map(Account::id)
                    .orElseThrow(() -> new NotFoundException("No user " + request.subjectId()));
            case JOB -> reportableJob(request.subjectId(), reporter.getSubject()).clientId();
        };
        if (subjectUserId.equals(reporter.getSubject())) {
            throw new RefusedException(ModerationErrorCode.CANNOT_REPORT_YOURSELF, "You cannot report yourself or your own job");
        }
        if (reports.openReportExists(reporter.getSubject(), request.subjectType(), request.subjectId())) {
            throw new RefusedException(ModerationErrorCode.ALREADY_REPORTED, "You have an open report about this "
                    + request.subjectType().name().toLowerCase() + " already");
        }
        reports.file(new AbuseReports.Report(reportId, reporter.getSubject(), request.subjectType(), request.subjectId(),
                subjectUserId, request.reason().strip(), clock.instant(), null, null, null));
        return new ModerationRequests.Filed(reportId);
    }

    /**
     * A job is reported by its parties, or by anyone while the feed shows it (OPEN): who worked for whom
     * is not for others to learn, also not by trying to report it.
     */
    private JobView reportableJob(String jobId, String reporterId) {
        JobView job = queries.query(new FindJob(jobId), ResponseTypes.optionalInstanceOf(JobView.class)).join()
                .orElseThrow(() -> new NotFoundException("No job " + jobId));
        if (!JobParties.isParty(job, reporterId) && !JobParties.inFeed(job)) {
            throw new RefusedException(ModerationErrorCode.NOT_A_PARTY_OF_THE_JOB, "A job is reported by its client or "
                    + "hired worker, or by anyone while it is open");
        }
        return job;
    }

    @GetMapping("/api/v1/admin/reports")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "listReports", summary = "Abuse reports, newest first: open ones (default) or closed ones")
    ModerationRequests.Reports list(@RequestParam(defaultValue = "true") boolean open) {
        return new ModerationRequests.Reports(reports.list(open));
    }

    @PostMapping("/api/v1/admin/reports/{reportId}/close")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "closeReport", summary = "Close an abuse report with a note")
    @ProblemResponse(status = 404, codes = "REPORT_NOT_FOUND")
    @ProblemResponse(status = 409, codes = "REPORT_ALREADY_CLOSED")
    @ProblemResponse(status = 503, codes = "TOKEN_CHECK_UNAVAILABLE")
    void close(@PathVariable String reportId, @Valid @RequestBody ModerationRequests.Close request,
               @AuthenticationPrincipal Jwt admin) {
        AbuseReports.Report report = reports.byId(reportId).orElseThrow(() -> new RefusedException(
                ModerationErrorCode.REPORT_NOT_FOUND, "No report " + reportId));
        if (report.closedAt() != null || !reports.close(reportId, admin.getSubject(), request.note().strip())) {
            throw new RefusedException(ModerationErrorCode.REPORT_ALREADY_CLOSED, "Report " + reportId + " is closed already");
        }
    }
}
