package dev.gigstream.api.dispute;

import dev.gigstream.api.idempotency.IdempotentCommands;
import dev.gigstream.api.job.JobPartiesOnly;
import dev.gigstream.api.web.Idempotent;
import dev.gigstream.api.web.openapi.ProblemResponse;
import dev.gigstream.api.web.openapi.SendsCommand;
import dev.gigstream.api.web.problems.NotFoundException;
import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.dispute.AddEvidence;
import dev.gigstream.messages.dispute.DisputeDefaults;
import dev.gigstream.messages.dispute.DisputeList;
import dev.gigstream.messages.dispute.DisputeStatus;
import dev.gigstream.messages.dispute.DisputeView;
import dev.gigstream.messages.dispute.FindDispute;
import dev.gigstream.messages.dispute.FindDisputes;
import dev.gigstream.messages.dispute.OpenDispute;
import dev.gigstream.messages.dispute.ResolveDispute;
import dev.gigstream.messages.dispute.WithdrawDispute;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.Set;

/**
 * Disputes: the job's parties open one, add evidence and (the opener) withdraw it; admins list the
 * queue and decide. Who may act is decided by the Dispute and Job aggregates; reads check it here.
 */
@RestController
@Tag(name = "Disputes")
class DisputeController {

    private static final Set<String> OVERSEERS = Set.of("ADMIN", "AUDITOR");

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;
    private final DisputeQueue queue;
    private final IdempotentCommands idempotent;

    DisputeController(CommandGateway commands, QueryGateway queries, Clock clock, DisputeQueue queue,
                      IdempotentCommands idempotent) {
        this.idempotent = idempotent;
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
        this.queue = queue;
    }

    @PostMapping("/api/v1/jobs/{jobId}/disputes")
    @Idempotent
    @PreAuthorize("hasAnyRole('CLIENT', 'WORKER')")
    @JobPartiesOnly(value = JobPartiesOnly.Party.CLIENT_OR_HIRED_WORKER, code = "NOT_A_PARTY")
    @Operation(operationId = "openDispute", summary = "Open a dispute about a funded job (its client or hired worker): the escrow freezes",
            description = "From funding until the escrow is released; one open dispute per job. The other party is expected "
                    + "to answer by `respondBy`.",
            responses = @ApiResponse(responseCode = "201", description = "Opened",
                    headers = @Header(name = "Location", description = "The dispute's path, `/api/v1/disputes/{disputeId}`",
                            required = true, schema = @Schema(type = "string", format = "uri-reference"))))
    @SendsCommand
    @ProblemResponse(status = 403, codes = "NOT_A_PARTY")
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    @ProblemResponse(status = 409, codes = {"DISPUTE_ALREADY_OPEN", "JOB_NOT_DISPUTABLE"})
    @ProblemResponse(status = 503, codes = "TOKEN_CHECK_UNAVAILABLE")
    ResponseEntity<DisputeRequests.Opened> open(@PathVariable String jobId, @Valid @RequestBody DisputeRequests.Open request,
                                                @AuthenticationPrincipal Jwt party) {
        String disputeId = idempotent.newId("dispute");
        commands.sendAndWait(new OpenDispute(DisputeId.of(disputeId), JobId.of(jobId), party.getSubject(), request.reason(), request.details(),
                clock.instant()));
        return ResponseEntity.created(URI.create("/api/v1/disputes/" + disputeId))
                .body(new DisputeRequests.Opened(disputeId, jobId));
    }

    @PostMapping("/api/v1/disputes/{disputeId}/evidence")
    @Idempotent
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('CLIENT', 'WORKER')")
    @JobPartiesOnly(value = JobPartiesOnly.Party.CLIENT_OR_HIRED_WORKER, code = "NOT_A_PARTY")
    @Operation(operationId = "addDisputeEvidence", summary = "Add evidence to an open dispute (its parties)",
            description = "Each party adds at most 20 pieces, none once the dispute is closed.")
    @SendsCommand
    @ProblemResponse(status = 403, codes = "NOT_A_PARTY")
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    @ProblemResponse(status = 409, codes = {"DISPUTE_CLOSED", "TOO_MUCH_EVIDENCE"})
    DisputeRequests.EvidenceAdded evidence(@PathVariable String disputeId, @Valid @RequestBody DisputeRequests.Evidence request,
                                           @AuthenticationPrincipal Jwt party) {
        String evidenceId = idempotent.newId("evidence");
        commands.sendAndWait(new AddEvidence(DisputeId.of(disputeId), evidenceId, party.getSubject(), request.text(), clock.instant()));
        return new DisputeRequests.EvidenceAdded(disputeId, evidenceId);
    }

    @PostMapping("/api/v1/disputes/{disputeId}/withdraw")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAnyRole('CLIENT', 'WORKER')")
    @Operation(operationId = "withdrawDispute",
            summary = "Withdraw a dispute (the party that opened it): the escrow unfreezes, the confirmation clock resumes",
            description = "Withdrawing it again changes nothing.")
    @SendsCommand
    @ProblemResponse(status = 403, codes = {"NOT_A_PARTY", "NOT_THE_OPENER"})
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    @ProblemResponse(status = 409, codes = "DISPUTE_CLOSED")
    @ProblemResponse(status = 503, codes = "TOKEN_CHECK_UNAVAILABLE")
    void withdraw(@PathVariable String disputeId, @AuthenticationPrincipal Jwt party) {
        commands.sendAndWait(new WithdrawDispute(DisputeId.of(disputeId), party.getSubject(), clock.instant()));
    }

    @GetMapping("/api/v1/disputes/{disputeId}")
    @Operation(operationId = "getDispute", summary = "A dispute with its evidence and outcome (its parties, admins, auditors)")
    @ProblemResponse(status = 403, codes = "FORBIDDEN")
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    DisputeView dispute(@PathVariable String disputeId, @AuthenticationPrincipal Jwt user) {
        DisputeView dispute = queries.query(new FindDispute(disputeId, queue.overdueBefore(clock.instant())),
                        ResponseTypes.optionalInstanceOf(DisputeView.class)).join()
                .orElseThrow(() -> new NotFoundException("No dispute " + disputeId));
        if (!OVERSEERS.contains(user.getClaimAsString("role")) && !user.getSubject().equals(dispute.clientId())
                && !user.getSubject().equals(dispute.workerId())) {
            throw new AccessDeniedException("not a party to this dispute");
        }
        return dispute;
    }

    @GetMapping("/api/v1/admin/disputes")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "listDisputes", summary = "The dispute queue, oldest first; overdue ones are marked",
            description = "All disputes, or those of one `status`; a dispute open for longer than "
                    + DisputeDefaults.OVERDUE_AFTER_DAYS + " days (by default) is `overdue`.")
    DisputeRequests.Disputes disputes(@RequestParam(required = false) DisputeStatus status,
                                      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        DisputeList list = queries.query(new FindDisputes(status, queue.overdueBefore(clock.instant()), limit),
                DisputeList.class).join();
        return new DisputeRequests.Disputes(list.items());
    }

    @PostMapping("/api/v1/admin/disputes/{disputeId}/resolve")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "resolveDispute",
            summary = "Decide a dispute: release to the worker, refund the client, or split (with the worker's share)",
            description = "RELEASE_TO_WORKER pays the worker the pay (the platform keeps its fee); REFUND_TO_CLIENT returns "
                    + "everything the escrow holds; SPLIT gives the worker `workerShare`, strictly between zero and the "
                    + "pay in its currency, and returns the rest. `workerShare` is given for a SPLIT only. The same "
                    + "decision sent again changes nothing. While a chargeback on the escrow's money is open, nothing "
                    + "is decided (`CHARGEBACK_OPEN`): the card network may still take the money back.")
    @SendsCommand
    @ProblemResponse(status = 400, codes = "INVALID_WORKER_SHARE")
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    @ProblemResponse(status = 409, codes = {"DISPUTE_CLOSED", "CHARGEBACK_OPEN"})
    @ProblemResponse(status = 503, codes = "TOKEN_CHECK_UNAVAILABLE")
    void resolve(@PathVariable String disputeId, @Valid @RequestBody DisputeRequests.Resolve request,
                 @AuthenticationPrincipal Jwt admin) {
        commands.sendAndWait(new ResolveDispute(DisputeId.of(disputeId), admin.getSubject(), request.outcome(),
                request.workerShare() == null ? null : request.workerShare().money(), request.note().strip(),
                clock.instant()));
    }
}
