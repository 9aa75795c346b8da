package dev.gigstream.api.escrow;

import dev.gigstream.api.web.Problems;
import dev.gigstream.paystack.PaystackClient;
import dev.gigstream.paystack.WebhookSignature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.util.List;

/** Paystack's webhook: the signature is checked on the exact raw bytes before anything is read. */
@RestController
@RequestMapping("/api/v1/webhooks/paystack")
@Tag(name = "Webhooks")
class PaystackWebhookController {

    private final WebhookSignature signature;
    private final PaystackWebhooks webhooks;
    private final PaystackProperties properties;

    PaystackWebhookController(WebhookSignature signature, PaystackWebhooks webhooks, PaystackProperties properties) {
        this.signature = signature;
        this.webhooks = webhooks;
        this.properties = properties;
    }

    @PostMapping
    @SecurityRequirements // Paystack signs the body instead
    @Operation(operationId = "receivePaystackEvent",
            summary = "Paystack events (signed with x-paystack-signature); 200 also for a repeated delivery",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "The event as Paystack sends it, {event, data}; the signature covers these exact bytes",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"))))
    ResponseEntity<?> receive(@RequestBody(required = false) byte[] body,
                              @RequestHeader(name = "x-paystack-signature", required = false) String signed,
                              HttpServletRequest request) {
        if (properties.webhookSourceCheck() && !List.copyOf(properties.webhookSources()).contains(request.getRemoteAddr())) {
            return problem(Problems.of(HttpStatus.FORBIDDEN, "WEBHOOK_SOURCE", "Webhooks are accepted from Paystack only"));
        }
        if (!signature.isValid(body, signed)) {
            return problem(Problems.of(HttpStatus.UNAUTHORIZED, "BAD_SIGNATURE",
                    "The x-paystack-signature header does not sign this body"));
        }
        JsonNode delivery;
        try {
            delivery = PaystackClient.JSON.readTree(body);
        } catch (JacksonException e) {
            return problem(Problems.invalid("The webhook body is not JSON", List.of()));
        }
        if (!delivery.isObject() || !delivery.path("event").isString()) {
            return problem(Problems.invalid("The webhook body has no event", List.of()));
        }
        try {
            webhooks.apply(delivery);
        } catch (PaystackWebhooks.Malformed malformed) {
            return problem(Problems.of(HttpStatus.BAD_REQUEST, "WEBHOOK_MALFORMED", malformed.getMessage()));
        }
        return ResponseEntity.ok().build();
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
