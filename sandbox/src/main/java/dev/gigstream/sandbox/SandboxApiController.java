package dev.gigstream.sandbox;

import dev.gigstream.paystack.PaystackClient;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * Paystack's API, as the sandbox serves it under {@code /sandbox/paystack/}: the endpoints the
 * {@code PaystackClient} calls, Paystack's envelope ({@code status}, {@code message}, {@code data}) in
 * snake_case, its error answers, and its Bearer secret-key check.
 */
@RestController
@ConditionalOnSandbox
@RequestMapping("/sandbox/paystack")
class SandboxApiController {

    private final SandboxPaystack paystack;
    private final byte[] expectedAuthorization;

    SandboxApiController(SandboxPaystack paystack, SandboxKey key) {
        this.paystack = paystack;
        this.expectedAuthorization = ("Bearer " + key.secretKey()).getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping("/transaction/initialize")
    ResponseEntity<String> initialize(@RequestHeader(name = "Authorization", required = false) String authorization,
                                      @RequestBody(required = false) byte[] body) {
        return answer(authorization, 200, "Authorization URL created", () -> paystack.initialize(SandboxPaystack.json(body)));
    }

    @GetMapping("/transaction/verify/{reference}")
    ResponseEntity<String> verify(@RequestHeader(name = "Authorization", required = false) String authorization,
                                  @PathVariable String reference) {
        return answer(authorization, 200, "Verification successful", () -> paystack.verify(reference));
    }

    @PostMapping("/transferrecipient")
    ResponseEntity<String> recipient(@RequestHeader(name = "Authorization", required = false) String authorization,
                                     @RequestBody(required = false) byte[] body) {
        return answer(authorization, 201, "Transfer recipient created successfully",
                () -> paystack.createRecipient(SandboxPaystack.json(body)));
    }

    @PostMapping("/transfer")
    ResponseEntity<String> transfer(@RequestHeader(name = "Authorization", required = false) String authorization,
                                    @RequestBody(required = false) byte[] body) {
        return answer(authorization, 200, "Transfer has been queued", () -> paystack.transfer(SandboxPaystack.json(body)));
    }

    @GetMapping("/transfer/verify/{reference}")
    ResponseEntity<String> verifyTransfer(@RequestHeader(name = "Authorization", required = false) String authorization,
                                          @PathVariable String reference) {
        return answer(authorization, 200, "Transfer retrieved", () -> paystack.verifyTransfer(reference));
    }

    @PostMapping("/refund")
    ResponseEntity<String> refund(@RequestHeader(name = "Authorization", required = false) String authorization,
                                  @RequestBody(required = false) byte[] body) {
        return answer(authorization, 200, "Refund has been queued for processing",
                () -> paystack.refund(SandboxPaystack.json(body)));
    }

    @PostMapping("/plan")
    ResponseEntity<String> createPlan(@RequestHeader(name = "Authorization", required = false) String authorization,
                                      @RequestBody(required = false) byte[] body) {
        return answer(authorization, 201, "Plan created", () -> paystack.createPlan(SandboxPaystack.json(body)));
    }

    @GetMapping("/plan/{idOrCode}")
    ResponseEntity<String> plan(@RequestHeader(name = "Authorization", required = false) String authorization,
                                @PathVariable String idOrCode) {
        return answer(authorization, 200, "Plan retrieved", () -> paystack.plan(idOrCode));
    }

    @GetMapping("/subscription/{idOrCode}")
    ResponseEntity<String> subscription(@RequestHeader(name = "Authorization", required = false) String authorization,
                                        @PathVariable String idOrCode) {
        return answer(authorization, 200, "Subscription retrieved successfully", () -> paystack.subscription(idOrCode));
    }

    @PostMapping("/subscription/disable")
    ResponseEntity<String> disable(@RequestHeader(name = "Authorization", required = false) String authorization,
                                   @RequestBody(required = false) byte[] body) {
        return answer(authorization, 200, "Subscription disabled successfully", () -> {
            paystack.disable(SandboxPaystack.json(body));
            return null;
        });
    }

    @ExceptionHandler(SandboxRefusal.class)
    ResponseEntity<String> refused(SandboxRefusal refusal) {
        return json(refusal.status(), PaystackShapes.error(refusal.getMessage(), refusal.type(), refusal.code()));
    }

    private ResponseEntity<String> answer(String authorization, int status, String message, Supplier<JsonNode> data) {
        if (authorization == null
                || !MessageDigest.isEqual(expectedAuthorization, authorization.getBytes(StandardCharsets.UTF_8))) {
            return json(401, PaystackShapes.error("Invalid key", "api_error", "invalid_key"));
        }
        return json(status, PaystackShapes.ok(message, data.get()));
    }

    private static ResponseEntity<String> json(int status, JsonNode body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(PaystackClient.JSON.writeValueAsString(body));
    }
}
