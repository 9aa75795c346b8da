package dev.gigstream.api.moderation;

import dev.gigstream.api.auth.Account;
import dev.gigstream.api.auth.Accounts;
import dev.gigstream.api.auth.Role;
import dev.gigstream.api.web.openapi.ProblemResponse;
import dev.gigstream.api.web.openapi.SendsCommand;
import dev.gigstream.messages.client.ReinstateClient;
import dev.gigstream.messages.client.SuspendClient;
import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.worker.ReinstateWorker;
import dev.gigstream.messages.worker.SuspendWorker;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Suspending and reinstating workers and clients. The decision is an event of the Worker or Client
 * aggregate with the admin and the reason; the account is stopped in the same unit of work (login,
 * refresh and every access token refused), a suspended worker cannot apply and leaves the rankings, a
 * suspended client cannot post or hire. Suspending also closes the open reports about the user.
 * Admins and auditors cannot be suspended: their accounts come from the environment.
 */
@RestController
@RequestMapping("/api/v1/admin")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Moderation")
class SuspensionController {

    private final Accounts accounts;
    private final AbuseReports reports;
    private final CommandGateway commands;

    SuspensionController(Accounts accounts, AbuseReports reports, CommandGateway commands) {
        this.accounts = accounts;
        this.reports = reports;
        this.commands = commands;
    }

    @PostMapping("/users/{userId}/suspend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "suspendUser", summary = "Suspend a worker or client at once; closes the open reports about them",
            description = "Their tokens stop working at once (401 ACCOUNT_SUSPENDED), logging in is refused, a suspended "
                    + "worker cannot apply and leaves the rankings, a suspended client cannot post or hire. Suspending a "
                    + "suspended user again changes nothing.")
    @SendsCommand
    @ProblemResponse(status = 404, codes = "USER_NOT_FOUND")
    @ProblemResponse(status = 409, codes = "USER_NOT_SUSPENDABLE")
    @ProblemResponse(status = 503, codes = "TOKEN_CHECK_UNAVAILABLE")
    ModerationRequests.Decided suspend(@PathVariable String userId, @Valid @RequestBody ModerationRequests.Decision request,
                                       @AuthenticationPrincipal Jwt admin) {
        Account account = suspendable(userId);
        String reason = request.reason().strip();
        int openBefore = reports.openAbout(userId);
        commands.sendAndWait(account.role() == Role.WORKER ? new SuspendWorker(WorkerId.of(userId), admin.getSubject(), reason)
                : new SuspendClient(userId, admin.getSubject(), reason));
        // the suspension closed the reports about the user as it was stored (SuspensionClosesReports)
        int closed = Math.max(0, openBefore - reports.openAbout(userId));
        return new ModerationRequests.Decided(userId, account.role(), true, closed);
    }

    @PostMapping("/users/{userId}/reinstate")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "reinstateUser", summary = "Reinstate a suspended worker or client")
    @SendsCommand
    @ProblemResponse(status = 404, codes = "USER_NOT_FOUND")
    @ProblemResponse(status = 409, codes = "USER_NOT_SUSPENDABLE")
    @ProblemResponse(status = 503, codes = "TOKEN_CHECK_UNAVAILABLE")
    ModerationRequests.Decided reinstate(@PathVariable String userId, @Valid @RequestBody ModerationRequests.Decision request,
                                         @AuthenticationPrincipal Jwt admin) {
        Account account = suspendable(userId);
        String reason = request.reason().strip();
        commands.sendAndWait(account.role() == Role.WORKER ? new ReinstateWorker(WorkerId.of(userId), admin.getSubject(), reason)
                : new ReinstateClient(userId, admin.getSubject(), reason));
        return new ModerationRequests.Decided(userId, account.role(), false, 0);
    }

    @GetMapping("/suspensions")
    @Operation(operationId = "listSuspensions", summary = "The suspended workers and clients, most recently suspended first")
    List<ModerationRequests.SuspendedUser> suspended() {
        return accounts.suspendedAccounts().stream()
                .map(s -> new ModerationRequests.SuspendedUser(s.userId(), s.email(), s.fullName(), s.role(), s.suspendedAt(), s.reason()))
                .toList();
    }

    private Account suspendable(String userId) {
        Account account = accounts.byId(userId).orElseThrow(() -> new RefusedException(ModerationErrorCode.USER_NOT_FOUND, "No user " + userId));
        if (!account.role().selfService()) {
            throw new RefusedException(ModerationErrorCode.USER_NOT_SUSPENDABLE,
                    "Only workers and clients can be suspended; " + account.role() + " accounts come from the environment");
        }
        return account;
    }
}
