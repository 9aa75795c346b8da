package dev.gigstream.api.webhook;

import dev.gigstream.api.reach.SmsDeliveryReports;
import dev.gigstream.api.web.openapi.ProblemResponse;
import dev.gigstream.api.web.problems.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Termii's delivery reports of the texts sent through it: the signature is checked on the exact raw bytes before anything is read. */
@RestController
@RequestMapping("/api/v1/webhooks/termii")
@Tag(name = "Webhooks")
class TermiiWebhookController {

    private final SmsDeliveryReports reports;

    TermiiWebhookController(SmsDeliveryReports reports) {
        this.reports = reports;
    }

    @PostMapping
    @Operation(operationId = "receiveTermiiDeliveryReport",
            summary = "Termii's delivery report of a text (signed with X-Termii-Signature); 200 also for a repeated one",
            description = "Termii calls this; nobody else can sign its reports. The signature is checked on the raw bytes "
                    + "before anything is read. A report marks the text's delivery DELIVERED or FAILED; a repeat, or a "
                    + "report that the text is still on its way, changes nothing and is answered 200.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "The report exactly as Termii sent it",
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = TermiiReport.class))),
            responses = @ApiResponse(responseCode = "200", description = "Applied, or known already (no body)",
                    content = @Content))
    @SecurityRequirements
    @ProblemResponse(status = 400, codes = "WEBHOOK_MALFORMED")
    @ProblemResponse(status = 401, codes = "BAD_SIGNATURE")
    @ProblemResponse(status = 422, codes = "UNKNOWN_MESSAGE")
    ResponseEntity<?> receive(@RequestBody(required = false) byte[] body,
                              @Parameter(required = true, description = "HMAC-SHA512 of the raw request body keyed with the "
                                      + "Termii secret key, in hex (128 digits)",
                                      schema = @Schema(type = "string", pattern = "^[0-9a-fA-F]{128}$"))
                              @RequestHeader(name = "X-Termii-Signature", required = false) String signed) {
        return switch (reports.receive(body, signed)) {
            case APPLIED -> ResponseEntity.ok().build();
            case BAD_SIGNATURE -> problem(Problems.of(HttpStatus.UNAUTHORIZED, "BAD_SIGNATURE",
                    "The X-Termii-Signature header does not sign this body"));
            case MALFORMED -> problem(Problems.of(HttpStatus.BAD_REQUEST, "WEBHOOK_MALFORMED",
                    "The report is not Termii's JSON with a message_id, a status and a sent_at"));
            case UNKNOWN_MESSAGE -> problem(Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "UNKNOWN_MESSAGE",
                    "No text was sent under this message_id"));
        };
    }

    /** What Termii sends (its documentation's shape); only message_id, status and sent_at are read. */
    @Schema(name = "TermiiDeliveryReportRequest", requiredProperties = {"message_id", "status", "sent_at"})
    record TermiiReport(@Schema(description = "outbound") String type, String id,
                        @Schema(description = "The id Termii answered the send with") String message_id,
                        String receiver, String sender, String message,
                        @Schema(description = "e.g. 2020-12-16 11:34:36 (Lagos time)") String sent_at, String cost,
                        @Schema(description = "DELIVERED, Message Failed, Rejected, Expired, ... with an explanation after ' | '")
                        String status, String channel) {
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
