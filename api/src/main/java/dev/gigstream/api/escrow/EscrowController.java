package dev.gigstream.api.escrow;

import dev.gigstream.api.web.AnswersReadPosition;
import dev.gigstream.api.web.AwaitsReadPosition;
import dev.gigstream.api.web.PresentedReadPosition;
import dev.gigstream.api.web.ReadPositions;
import dev.gigstream.api.web.WrittenEvents;
import dev.gigstream.api.web.problems.InvalidRequestException;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.escrow.EscrowFunded;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.gigstream.api.web.problems.NotFoundException;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.escrow.EscrowList;
import dev.gigstream.messages.escrow.EscrowReferences;
import dev.gigstream.messages.escrow.EscrowStatus;
import dev.gigstream.messages.escrow.EscrowView;
import dev.gigstream.messages.escrow.FindEscrow;
import dev.gigstream.messages.escrow.FindFlaggedEscrows;
import dev.gigstream.messages.escrow.RetryPayout;
import dev.gigstream.api.web.openapi.ProblemResponse;
import dev.gigstream.api.web.openapi.SendsCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The escrow view (the job's parties, admins and auditors), the client's "verify my payment now",
 * and the operators' list of escrows waiting for them with its payout retry.
 */
@RestController
@Tag(name = "Payments")
class EscrowController {

    private static final Set<String> OVERSEERS = Set.of("ADMIN", "AUDITOR");

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final PaymentVerification payments;
    private final WrittenEvents writes;
    private final PresentedReadPosition presented;

    EscrowController(QueryGateway queries, CommandGateway commands, PaymentVerification payments, WrittenEvents writes,
                     PresentedReadPosition presented) {
        this.queries = queries;
        this.commands = commands;
        this.payments = payments;
        this.writes = writes;
        this.presented = presented;
    }

    @GetMapping("/api/v1/escrows/{escrowId}")
    @Operation(operationId = "getEscrow", summary = "An escrow with its double-entry ledger (its job's parties, admins, auditors)")
    @ProblemResponse(status = 403, codes = "FORBIDDEN")
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    @AwaitsReadPosition(value = FindEscrow.class, afterAccessCheck = true)
    EscrowResponse escrow(@PathVariable String escrowId, @AuthenticationPrincipal Jwt user, HttpServletRequest request) {
        OptionalLong position = presented.of(request);
        // an escrow's parties never change: who may not read it as it reads now is refused before any wait
        Optional<EscrowView> read = lookUp(escrowId);
        read.ifPresent(escrow -> mayRead(escrow, user));
        if (position.isPresent()) {
            presented.await(position.getAsLong(), FindEscrow.class);
            read = lookUp(escrowId);
        }
        EscrowView escrow = read.orElseThrow(() -> new NotFoundException("No escrow " + escrowId));
        mayRead(escrow, user);
        return EscrowResponse.of(escrow);
    }

    private static void mayRead(EscrowView escrow, Jwt user) {
        if (!OVERSEERS.contains(user.getClaimAsString("role")) && !user.getSubject().equals(escrow.clientId())
                && !user.getSubject().equals(escrow.workerId())) {
            throw new AccessDeniedException("not a party to this escrow");
        }
    }

    /** For a webhook that is late: asks Paystack now and applies its answer as a webhook would. */
    @GetMapping("/api/v1/payments/{reference}/verify")
    @Operation(operationId = "verifyPayment", summary = "Ask Paystack about a payment now (the paying client)",
            description = "For a client back from the checkout page before Paystack's webhook: while the escrow awaits "
                    + "funding, Paystack is asked about the charge `reference` (the `reference` of `hireWorker`) and its "
                    + "answer is applied as the webhook would; the answer is the escrow once it shows that answer.")
    @SendsCommand
    @ProblemResponse(status = 403, codes = "FORBIDDEN")
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    @ProblemResponse(status = 409, codes = "AMOUNT_MISMATCH")
    @ProblemResponse(status = 502, codes = "PAYSTACK_UNAVAILABLE")
    @AnswersReadPosition
    EscrowResponse verify(@PathVariable String reference, @AuthenticationPrincipal Jwt client, HttpServletResponse response) {
        String escrowId = EscrowReferences.escrowOfCharge(reference)
                .orElseThrow(() -> new NotFoundException("No payment " + reference));
        EscrowView escrow = find(escrowId);
        if (!client.getSubject().equals(escrow.clientId())) {
            throw new AccessDeniedException("not the paying client");
        }
        Optional<Object> paid = escrow.status() == EscrowStatus.AWAITING_FUNDING ? payments.verifyCharge(reference) : Optional.empty();
        if (paid.isEmpty()) {
            response.setHeader(ReadPositions.HEADER, ReadPositions.header(writes.head()));
            return EscrowResponse.of(escrow);
        }
        var funded = writes.expect(EscrowFunded.class, event -> event.escrowId().value().equals(escrowId));
        try {
            commands.sendAndWait(paid.get());
        } catch (RuntimeException refused) {
            funded.cancel();
            throw refused;
        }
        long position = funded.position();
        response.setHeader(ReadPositions.HEADER, ReadPositions.header(position));
        // the escrow as the answer left it; should its read model lag for long, as it is (the header lets a read wait)
        writes.awaitReadModels(position, ReadPositions.WAIT, FindEscrow.class);
        return EscrowResponse.of(find(escrowId));
    }

    @GetMapping("/api/v1/admin/escrows")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "listEscrows",
            summary = "Escrows waiting for an operator (payouts that keep failing, OTP, money after cancellation, chargebacks)",
            description = "Only the flagged escrows are listed: `flagged` must be true.")
    FlaggedEscrows flagged(@RequestParam(defaultValue = "true") boolean flagged,
                           @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        if (!flagged) {
            throw new InvalidRequestException("flagged", "only the escrows waiting for an operator are listed: flagged=true");
        }
        EscrowList escrows = queries.query(new FindFlaggedEscrows(limit), EscrowList.class).join();
        return new FlaggedEscrows(escrows.items().stream().map(FlaggedEscrow::of).toList());
    }

    /** The cause is fixed (an account corrected, OTP turned off): the pending payout is tried again, under its own reference. */
    @PostMapping("/api/v1/admin/escrows/{escrowId}/retry-payout")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "retryPayout", summary = "Try a stuck payout again (pays at most once)")
    @SendsCommand
    @ProblemResponse(status = 404, codes = "NOT_FOUND")
    @ProblemResponse(status = 409, codes = "NO_PAYOUT_TO_RETRY")
    @ProblemResponse(status = 503, codes = "TOKEN_CHECK_UNAVAILABLE")
    void retryPayout(@PathVariable String escrowId, @AuthenticationPrincipal Jwt admin) {
        commands.sendAndWait(new RetryPayout(EscrowId.of(escrowId), admin.getSubject()));
    }

    private EscrowView find(String escrowId) {
        return lookUp(escrowId).orElseThrow(() -> new NotFoundException("No escrow " + escrowId));
    }

    private Optional<EscrowView> lookUp(String escrowId) {
        return queries.query(new FindEscrow(escrowId), ResponseTypes.optionalInstanceOf(EscrowView.class)).join();
    }

    @Schema(name = "FlaggedEscrowList")
    record FlaggedEscrows(List<FlaggedEscrow> items) {
    }

    /** {@code reasons}: why an operator is needed; {@code pendingPayoutReference}: the payout a retry sends. */
    @Schema(name = "FlaggedEscrowItem")
    record FlaggedEscrow(String escrowId, String jobId, EscrowStatus status, Money amount, List<String> reasons,
                         String pendingPayoutReference, Instant updatedAt) {

        static FlaggedEscrow of(EscrowView view) {
            return new FlaggedEscrow(view.escrowId(), view.jobId(), view.status(), view.amount(), view.flags(),
                    view.pendingPayoutReference(), view.updatedAt());
        }
    }

    /** {@code authorizationUrl}: where the client pays, for as long as the escrow awaits funding. */
    @Schema(name = "EscrowDetails")
    record EscrowResponse(String escrowId, String jobId, EscrowStatus status, Money amount, Money serviceFee,
                          Money total, Money funded, Money released, Money refunded, String reference,
                          String authorizationUrl, List<String> flags, List<EscrowView.LedgerEntry> ledger) {

        static EscrowResponse of(EscrowView view) {
            return new EscrowResponse(view.escrowId(), view.jobId(), view.status(), view.amount(), view.serviceFee(),
                    view.total(), view.funded(), view.released(), view.refunded(), view.reference(),
                    view.status() == EscrowStatus.AWAITING_FUNDING ? view.authorizationUrl() : null, view.flags(),
                    view.ledger());
        }
    }
}
