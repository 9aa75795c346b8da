package dev.gigstream.api.dispute;

import dev.gigstream.api.web.NotFoundException;
import dev.gigstream.command.dispute.DisputePolicy;
import dev.gigstream.messages.dispute.AddEvidence;
import dev.gigstream.messages.dispute.DisputeList;
import dev.gigstream.messages.dispute.DisputeStatus;
import dev.gigstream.messages.dispute.DisputeView;
import dev.gigstream.messages.dispute.FindDispute;
import dev.gigstream.messages.dispute.FindDisputes;
import dev.gigstream.messages.dispute.OpenDispute;
import dev.gigstream.messages.dispute.ResolveDispute;
import dev.gigstream.messages.dispute.WithdrawDispute;
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
import java.util.UUID;

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
    private final DisputePolicy policy;

    DisputeController(CommandGateway commands, QueryGateway queries, Clock clock, DisputePolicy policy) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
        this.policy = policy;
    }

    @PostMapping("/api/v1/jobs/{jobId}/disputes")
    @PreAuthorize("hasAnyRole('CLIENT', 'WORKER')")
    @Operation(operationId = "openDispute",
            summary = "Open a dispute about a funded job (its client or hired worker): the escrow freezes")
    ResponseEntity<DisputeRequests.Opened> open(@PathVariable String jobId, @Valid @RequestBody DisputeRequests.Open request,
                                                @AuthenticationPrincipal Jwt party) {
        String disputeId = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenDispute(disputeId, jobId, party.getSubject(), request.reason(), request.details(),
                clock.instant()));
        return ResponseEntity.created(URI.create("/api/v1/disputes/" + disputeId))
                .body(new DisputeRequests.Opened(disputeId, jobId));
    }

    @PostMapping("/api/v1/disputes/{disputeId}/evidence")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('CLIENT', 'WORKER')")
    @Operation(operationId = "addDisputeEvidence", summary = "Add evidence to an open dispute (its parties)")
    DisputeRequests.EvidenceAdded evidence(@PathVariable String disputeId, @Valid @RequestBody DisputeRequests.Evidence request,
                                           @AuthenticationPrincipal Jwt party) {
        commands.sendAndWait(new AddEvidence(disputeId, party.getSubject(), request.text(), clock.instant()));
        return new DisputeRequests.EvidenceAdded(disputeId);
    }

    @PostMapping("/api/v1/disputes/{disputeId}/withdraw")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAnyRole('CLIENT', 'WORKER')")
    @Operation(operationId = "withdrawDispute",
            summary = "Withdraw a dispute (the party that opened it): the escrow unfreezes, the confirmation clock resumes")
    void withdraw(@PathVariable String disputeId, @AuthenticationPrincipal Jwt party) {
        commands.sendAndWait(new WithdrawDispute(disputeId, party.getSubject(), clock.instant()));
    }

    @GetMapping("/api/v1/disputes/{disputeId}")
    @Operation(operationId = "getDispute",
            summary = "A dispute with its evidence and outcome (its parties, admins, auditors)")
    DisputeView dispute(@PathVariable String disputeId, @AuthenticationPrincipal Jwt user) {
        DisputeView dispute = queries.query(new FindDispute(disputeId, clock.instant().minus(policy.overdueAfter())),
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
    @Operation(operationId = "listDisputes", summary = "The dispute queue, oldest first; overdue ones are marked")
    DisputeRequests.Disputes disputes(@RequestParam(required = false) DisputeStatus status,
                                      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        DisputeList list = queries.query(new FindDisputes(status, clock.instant().minus(policy.overdueAfter()), limit),
                DisputeList.class).join();
        return new DisputeRequests.Disputes(list.items());
    }

    @PostMapping("/api/v1/admin/disputes/{disputeId}/resolve")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "resolveDispute",
            summary = "Decide a dispute: release to the worker, refund the client, or split (with the worker's share)")
    void resolve(@PathVariable String disputeId, @Valid @RequestBody DisputeRequests.Resolve request,
                 @AuthenticationPrincipal Jwt admin) {
        commands.sendAndWait(new ResolveDispute(disputeId, admin.getSubject(), request.outcome(),
                request.workerShare() == null ? null : request.workerShare().money(), request.note().strip(),
                clock.instant()));
    }
}
