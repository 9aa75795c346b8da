package dev.gigstream.api.phone;

import dev.gigstream.api.reach.DirectTextRefused;
import dev.gigstream.api.reach.UntextableNumber;
import dev.gigstream.api.web.openapi.ProblemResponse;
import dev.gigstream.api.web.openapi.SendsCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in account's phone number and its verification, for every role. */
@RestController
@RequestMapping("/api/v1/me/phone")
@Tag(name = "Auth")
class PhoneController {

    private final PhoneVerifications verifications;

    PhoneController(PhoneVerifications verifications) {
        this.verifications = verifications;
    }

    @Schema(name = "PhoneChangeRequest")
    record PhoneChange(@NotBlank @Pattern(regexp = "\\+?[0-9]{7,15}", message = "must be 7 to 15 digits, optionally after a +")
                       String phone) {
    }

    @Schema(name = "PhoneDetails")
    record Phone(String phone, boolean verified) {
    }

    @Schema(name = "PhoneVerificationConfirmRequest")
    record Confirm(@NotNull @Pattern(regexp = "[0-9]{6}", message = "must be the 6 digits sent") String code) {
    }

    @PutMapping
    @Operation(operationId = "changePhone", summary = "Change the account's phone number",
            description = "Checked as at sign-up. A different number is not verified (a pending code is dropped); the "
                    + "same number changes nothing.")
    @SendsCommand
    Phone change(@Valid @RequestBody PhoneChange request, @AuthenticationPrincipal Jwt user) {
        var status = verifications.change(user.getSubject(), request.phone());
        return new Phone(status.phone(), status.verified());
    }

    @PostMapping("/verification")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "startPhoneVerification", summary = "Send a 6-digit code to the account's phone number",
            description = "By text message (where nothing may be sent out, the embedded default, it lands in the inbox). "
                    + "The code expires in 10 minutes and replaces any earlier one. At most one code a minute "
                    + "(VERIFICATION_RESEND_TOO_SOON) and 5 a day to one number (VERIFICATION_SENDS_EXHAUSTED), both "
                    + "with Retry-After. A refused text message keeps nothing.")
    @ProblemResponse(status = 409, codes = {PhoneVerificationRefused.ALREADY_VERIFIED, PhoneVerificationRefused.NO_PHONE})
    @ProblemResponse(status = 429, codes = {PhoneVerifications.RESEND_TOO_SOON, PhoneVerifications.SENDS_EXHAUSTED,
            DirectTextRefused.CAP_REACHED})
    @ProblemResponse(status = 422, codes = UntextableNumber.CODE)
    @ProblemResponse(status = 503, codes = DirectTextRefused.UNAVAILABLE)
    void start(@AuthenticationPrincipal Jwt user) {
        verifications.send(user.getSubject());
    }

    @PostMapping("/verification/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "confirmPhoneVerification", summary = "Send back the code to verify the phone number",
            description = "A wrong code counts a try: the 5th wrong try, and every try after it, is refused with "
                    + "VERIFICATION_TRIES_EXHAUSTED until a new code is asked for.")
    @SendsCommand
    @ProblemResponse(status = 400, codes = PhoneVerificationRefused.CODE_WRONG)
    @ProblemResponse(status = 409, codes = PhoneVerificationRefused.NOT_STARTED)
    @ProblemResponse(status = 410, codes = PhoneVerificationRefused.CODE_EXPIRED)
    @ProblemResponse(status = 429, codes = PhoneVerificationRefused.TRIES_EXHAUSTED)
    void confirm(@Valid @RequestBody Confirm request, @AuthenticationPrincipal Jwt user) {
        verifications.confirm(user.getSubject(), request.code());
    }
}
