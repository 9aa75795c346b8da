package dev.gigstream.api.premium;

import dev.gigstream.api.escrow.PaymentProvider;
import dev.gigstream.api.web.openapi.ProblemResponse;
import dev.gigstream.api.web.openapi.SendsCommand;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.escrow.EscrowErrorCode;
import dev.gigstream.messages.worker.RequestPremium;
import dev.gigstream.messages.worker.StopPremiumRenewal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Premium for workers, a monthly Paystack plan subscription: subscribing answers Paystack's checkout
 * page; cancelling stops the renewal at Paystack and premium lasts to the end of the paid period.
 * What actually starts, extends and ends premium are Paystack's signed webhooks.
 */
@RestController
@RequestMapping("/api/v1/workers/me/premium")
@Tag(name = "Workers")
class PremiumController {

    private final CommandGateway commands;
    private final PaymentProvider payments;
    private final PremiumBilling billing;

    PremiumController(CommandGateway commands, PaymentProvider payments, PremiumBilling billing) {
        this.commands = commands;
        this.payments = payments;
        this.billing = billing;
    }

    @PostMapping
    @PreAuthorize("hasRole('WORKER')")
    @Operation(operationId = "subscribePremium",
            summary = "Subscribe to premium (monthly, in NGN unless {currency: GHS}); answers Paystack's checkout page",
            description = "Premium starts when Paystack reports the subscription (its webhook), not with this answer. It "
                    + "puts the worker first among a job's eligible applicants and in the offers of new jobs nearby.")
    @SendsCommand
    @ProblemResponse(status = 409, codes = "ALREADY_PREMIUM")
    @ProblemResponse(status = 502, codes = "PAYSTACK_UNAVAILABLE")
    @ProblemResponse(status = 503, codes = {"PAYMENTS_NOT_CONFIGURED", "TOKEN_CHECK_UNAVAILABLE"})
    Checkout subscribe(@RequestBody(required = false) Subscribe request, @AuthenticationPrincipal Jwt worker) {
        if (!payments.configured()) {
            throw new RefusedException(EscrowErrorCode.PAYMENTS_NOT_CONFIGURED,
                    "Payments are off: set PAYSTACK_SECRET_KEY to sell premium through Paystack");
        }
        Currency currency = request == null || request.currency() == null ? Currency.NGN : request.currency();
        String reference = "gs-prm-" + UUID.randomUUID();
        commands.sendAndWait(new RequestPremium(WorkerId.of(worker.getSubject()), reference));
        return new Checkout(billing.checkout(worker.getSubject(), currency, reference), reference);
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('WORKER')")
    @Operation(operationId = "cancelPremium", summary = "Stop the premium renewal at Paystack; premium lasts until premiumUntil")
    @SendsCommand
    @ProblemResponse(status = 409, codes = "NO_PREMIUM_SUBSCRIPTION")
    @ProblemResponse(status = 502, codes = "PAYSTACK_UNAVAILABLE")
    @ProblemResponse(status = 503, codes = "TOKEN_CHECK_UNAVAILABLE")
    void cancel(@AuthenticationPrincipal Jwt worker) {
        billing.stopRenewal(worker.getSubject());
        commands.sendAndWait(new StopPremiumRenewal(WorkerId.of(worker.getSubject()), "cancelled by the worker"));
    }

    @Schema(name = "SubscribePremiumRequest")
    record Subscribe(Currency currency) {
    }

    @Schema(name = "SubscribePremiumResponse")
    record Checkout(String authorizationUrl, String reference) {
    }
}
