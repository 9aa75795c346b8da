package dev.gigstream.api.webhook;

import dev.gigstream.api.web.problems.Problems;
import dev.gigstream.api.web.openapi.ProblemResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Paystack's webhook: the signature is checked on the exact raw bytes before anything is read. */
@RestController
@RequestMapping("/api/v1/webhooks/paystack")
@Tag(name = "Webhooks")
class PaystackWebhookController {

    private final PaystackDeliveries deliveries;

    PaystackWebhookController(PaystackDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @PostMapping
    @Operation(operationId = "receivePaystackEvent",
            summary = "Paystack events (signed with x-paystack-signature); 200 also for a repeated delivery",
            description = "Paystack calls this; nobody else can sign its events. The signature is checked on the raw bytes "
                    + "before anything is read. Each delivery is applied once: a repeat, an event for someone else, or one "
                    + "the escrow refuses (a wrong amount, an unknown reference) is answered 200, since sending it again "
                    + "would never succeed. Events acted on: `charge.success`, `transfer.success`, `transfer.failed`, "
                    + "`transfer.reversed`, `refund.processed`, `charge.dispute.create`, `charge.dispute.resolve`, "
                    + "`subscription.create`, `subscription.not_renew`, `subscription.disable`, `invoice.payment_failed`.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "The event exactly as Paystack sent it",
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = PaystackEvent.class))),
            responses = @ApiResponse(responseCode = "200", description = "Applied, or known already (no body)",
                    content = @Content))
    @SecurityRequirements
    @ProblemResponse(status = 400, codes = "WEBHOOK_MALFORMED")
    @ProblemResponse(status = 401, codes = "BAD_SIGNATURE")
    @ProblemResponse(status = 403, codes = "WEBHOOK_SOURCE")
    @ProblemResponse(status = 503, codes = {"STORE_UNAVAILABLE", "COMMAND_OUTCOME_UNKNOWN"})
    ResponseEntity<?> receive(@RequestBody(required = false) byte[] body,
                              @Parameter(required = true, description = "HMAC-SHA512 of the raw request body keyed with the "
                                      + "Paystack secret key, in hex (128 digits)",
                                      schema = @Schema(type = "string", pattern = "^[0-9a-fA-F]{128}$"))
                              @RequestHeader(name = "x-paystack-signature", required = false) String signed,
                              HttpServletRequest request) {
        if (!deliveries.fromPaystack(request.getRemoteAddr())) {
            return problem(Problems.of(HttpStatus.FORBIDDEN, "WEBHOOK_SOURCE", "Webhooks are accepted from Paystack only"));
        }
        if (!deliveries.signs(body, signed)) {
            return problem(Problems.of(HttpStatus.UNAUTHORIZED, "BAD_SIGNATURE",
                    "The x-paystack-signature header does not sign this body"));
        }
        var unreadable = deliveries.apply(body);
        if (unreadable.isPresent()) {
            var why = unreadable.get();
            return problem(why.reason() == PaystackDeliveries.Unreadable.Reason.MALFORMED
                    ? Problems.of(HttpStatus.BAD_REQUEST, "WEBHOOK_MALFORMED", why.detail())
                    : Problems.invalid(why.detail(), List.of()));
        }
        return ResponseEntity.ok().build();
    }

    /** What Paystack sends: the event's name and its data, whose shape depends on the event (Paystack documents them). */
    @Schema(name = "PaystackEventRequest", requiredProperties = {"event", "data"})
    record PaystackEvent(@Schema(description = "e.g. charge.success, transfer.success, subscription.create") String event,
                         @Schema(description = "The charge, transfer, refund, dispute, subscription or invoice the event is "
                                 + "about, as Paystack writes it") java.util.Map<String, Object> data) {
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
