package dev.gigstream.api.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request and response bodies of {@link AuthController}. */
final class AuthRequests {

    private AuthRequests() {
    }

    @Schema(name = "RegisterUserRequest")
    record Register(@NotBlank @Email(regexp = ".+@.+\\..+") @Size(max = 254) String email,
                    @NotNull @Size(min = PasswordPolicy.MIN_LENGTH, max = 200) String password,
                    @NotBlank @Size(max = 200) String fullName,
                    @NotBlank @Pattern(regexp = "\\+?[0-9]{7,15}", message = "must be 7 to 15 digits, optionally after a +")
                    String phone,
                    @NotNull @Schema(allowableValues = {"CLIENT", "WORKER"}) Role role) {

        Register {
            email = email == null ? null : email.strip(); // mobile keyboards add trailing spaces
        }
    }

    @Schema(name = "RegisterUserResponse")
    record Registered(String userId, Role role) {
    }

    @Schema(name = "LogInRequest")
    record Login(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String password) {

        Login {
            email = email == null ? null : email.strip();
        }
    }

    @Schema(name = "RefreshTokenRequest")
    record Refresh(@NotBlank @Size(max = 200) String refreshToken) {
    }

    @Schema(name = "TokenResponse")
    record Tokens(String accessToken, String refreshToken, String tokenType, long expiresIn) {
    }

    @Schema(name = "AccountDetails")
    record Me(String userId, String email, String fullName, Role role, String phone,
              @Schema(description = "Whether the phone number was verified by a code sent to it") boolean phoneVerified) {
    }
}
