package dev.gigstream.api.auth;

import dev.gigstream.api.idempotency.IdempotentCommands;
import dev.gigstream.api.web.Idempotent;
import dev.gigstream.api.web.problems.InvalidRequestException;
import dev.gigstream.api.web.openapi.ProblemResponse;
import dev.gigstream.api.web.problems.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Auth")
class AuthController {

    static final String ACCOUNT_SUSPENDED = "ACCOUNT_SUSPENDED";
    static final String TOKEN_REVOKED = "TOKEN_REVOKED";
    static final String ACCOUNT_ERASED = "ACCOUNT_ERASED";

    /** Compared against when the email is unknown, so a login takes as long whether or not the account exists. */
    private final String decoyHash;

    private final Registrations registrations;
    private final Accounts accounts;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final AccessTokenDenyList denyList;
    private final PasswordEncoder passwordEncoder;
    private final IdempotentCommands idempotent;

    AuthController(Registrations registrations, Accounts accounts, RefreshTokens refreshTokens,
                   AccessTokens accessTokens, AccessTokenDenyList denyList, PasswordEncoder passwordEncoder,
                   IdempotentCommands idempotent) {
        this.registrations = registrations;
        this.idempotent = idempotent;
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.denyList = denyList;
        this.passwordEncoder = passwordEncoder;
        this.decoyHash = passwordEncoder.encode("decoy password that matches nothing");
    }

    @PostMapping("/auth/register")
    @Idempotent
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "registerUser", summary = "Sign up as a CLIENT or WORKER",
            description = "One account per email. The password has 10 characters or more and at most 72 bytes, and is "
                    + "not easy to guess (a well-known password, a run of keys, one character repeated, the email "
                    + "itself): else 400 INVALID_REQUEST naming `password`. Then log in.")
    @SecurityRequirements
    @ProblemResponse(status = 409, codes = "EMAIL_TAKEN")
    @ProblemResponse(status = 503, codes = "STORE_UNAVAILABLE")
    AuthRequests.Registered register(@Valid @RequestBody AuthRequests.Register request) {
        if (!request.role().selfService()) {
            throw new InvalidRequestException("role", "must be CLIENT or WORKER");
        }
        PasswordPolicy.weakness(request.password(), request.email()).ifPresent(weakness -> {
            throw new InvalidRequestException("password", weakness);
        });
        Account account = registrations.register(idempotent.newId("account"), request.email(), request.password(), request.fullName(),
                request.phone(), request.role());
        return new AuthRequests.Registered(account.id(), account.role());
    }

    @PostMapping("/auth/login")
    @Operation(operationId = "logIn", summary = "Exchange email and password for an access and a refresh token")
    @SecurityRequirements
    @ProblemResponse(status = 401, codes = "BAD_CREDENTIALS")
    @ProblemResponse(status = 403, codes = {"ACCOUNT_SUSPENDED", "ACCOUNT_ERASED"})
    @ProblemResponse(status = 503, codes = "STORE_UNAVAILABLE")
    AuthRequests.Tokens login(@Valid @RequestBody AuthRequests.Login request) {
        var account = accounts.byEmail(Accounts.normalizeEmail(request.email()));
        if (account.isPresent() && accounts.erased(account.get().id())) {
            throw new AccountErasedException();
        }
        String hash = account.map(Account::passwordHash).orElse(decoyHash);
        // no account has a longer password (registration refuses it), and BCrypt would compare its first 72 bytes only
        boolean matches = passwordEncoder.matches(request.password(), hash) && PasswordPolicy.fitsBcrypt(request.password());
        if (account.isEmpty() || !matches) {
            throw new BadCredentialsException();
        }
        requireInGoodStanding(account.get());
        return tokens(account.get(), refreshTokens.issueFirst(account.get().id()));
    }

    @PostMapping("/auth/refresh")
    @Operation(operationId = "refreshTokens", summary = "Rotate a refresh token; a reused one revokes its whole family")
    @SecurityRequirements
    @ProblemResponse(status = 401, codes = "INVALID_REFRESH_TOKEN")
    @ProblemResponse(status = 403, codes = "ACCOUNT_SUSPENDED")
    @ProblemResponse(status = 503, codes = "STORE_UNAVAILABLE")
    AuthRequests.Tokens refresh(@Valid @RequestBody AuthRequests.Refresh request) {
        RefreshTokens.Rotation rotation = refreshTokens.rotate(request.refreshToken())
                .orElseThrow(InvalidRefreshTokenException::new);
        Account account = accounts.byId(rotation.accountId()).orElseThrow(InvalidRefreshTokenException::new);
        requireInGoodStanding(account); // a suspension revokes refresh tokens; this closes the race with a rotation
        return tokens(account, rotation.successor());
    }

    @PostMapping("/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "logOut",
            summary = "End the session the refresh token belongs to; its access tokens and the one presented stop working at once")
    void logout(@Valid @RequestBody AuthRequests.Refresh request, @AuthenticationPrincipal Jwt user) {
        refreshTokens.revokeFamilyOf(request.refreshToken(), user.getSubject());
        denyList.loggedOut(user);
    }

    @GetMapping("/me")
    @Operation(operationId = "getMe", summary = "The signed-in account")
    AuthRequests.Me me(@AuthenticationPrincipal Jwt user) {
        Account account = accounts.byId(user.getSubject()).orElseThrow(BadCredentialsException::new);
        return new AuthRequests.Me(account.id(), account.email(), account.fullName(), account.role(), account.phone(),
                accounts.phoneVerifiedAt(account.id()).isPresent());
    }

    private void requireInGoodStanding(Account account) {
        if (accounts.erased(account.id())) {
            throw new AccountErasedException();
        }
        if (accounts.suspended(account.id())) {
            throw new AccountSuspendedException();
        }
    }

    private AuthRequests.Tokens tokens(Account account, RefreshTokens.Issued refreshToken) {
        return new AuthRequests.Tokens(accessTokens.issue(account.id(), account.role(), refreshToken.familyId()),
                refreshToken.token(), "Bearer", accessTokens.ttlSeconds());
    }

    static final class AccountSuspendedException extends ProblemException {
        AccountSuspendedException() {
            super(HttpStatus.FORBIDDEN, ACCOUNT_SUSPENDED, "The account is suspended; an admin can reinstate it");
        }
    }

    static final class AccountErasedException extends ProblemException {
        AccountErasedException() {
            super(HttpStatus.FORBIDDEN, ACCOUNT_ERASED, "The account was erased at its owner's request; it cannot be used again");
        }
    }

    static final class BadCredentialsException extends ProblemException {
        BadCredentialsException() {
            super(HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS", "The email or password is wrong");
        }
    }

    static final class InvalidRefreshTokenException extends ProblemException {
        InvalidRefreshTokenException() {
            super(HttpStatus.UNAUTHORIZED, "INVALID_REFRESH_TOKEN",
                    "The refresh token is unknown, expired, revoked or was already used; log in again");
        }
    }
}
