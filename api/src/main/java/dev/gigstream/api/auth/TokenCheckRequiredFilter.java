package dev.gigstream.api.auth;

import dev.gigstream.api.web.problems.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Fails closed where a token that was logged out elsewhere must not slip through: endpoints that
 * charge, release, refund or freeze money, and everything an admin changes. When the shared deny
 * list cannot be asked (Redis configured but not answering), these answer 503
 * {@code TOKEN_CHECK_UNAVAILABLE} with {@code Retry-After}; everything else goes on, because the
 * suspension check ({@link AccountStandings}, fed by the events) still holds and a logged-out token
 * lives at most until its expiry.
 * Without Redis every check is settled locally and this filter never refuses.
 */
final class TokenCheckRequiredFilter extends OncePerRequestFilter {

    static final String TOKEN_CHECK_UNAVAILABLE = "TOKEN_CHECK_UNAVAILABLE";

    static final RequestMatcher MONEY_AND_ADMIN = new OrRequestMatcher(
            pathPattern(HttpMethod.POST, "/api/v1/jobs/*/hire"),
            pathPattern(HttpMethod.POST, "/api/v1/jobs/*/confirm"),
            pathPattern(HttpMethod.POST, "/api/v1/jobs/*/no-show"),
            pathPattern(HttpMethod.POST, "/api/v1/jobs/*/cancel"),
            pathPattern(HttpMethod.POST, "/api/v1/jobs/*/disputes"),
            pathPattern(HttpMethod.POST, "/api/v1/disputes/*/withdraw"),
            pathPattern(HttpMethod.POST, "/api/v1/workers/me/premium"),
            pathPattern(HttpMethod.DELETE, "/api/v1/workers/me/premium"),
            pathPattern(HttpMethod.POST, "/api/v1/me/erasure"), // cannot be undone: not on a token logged out elsewhere
            pathPattern(HttpMethod.POST, "/api/v1/admin/**"),
            pathPattern(HttpMethod.PUT, "/api/v1/admin/**"),
            pathPattern(HttpMethod.PATCH, "/api/v1/admin/**"),
            pathPattern(HttpMethod.DELETE, "/api/v1/admin/**"));

    private final AccessTokenDenyList denyList;
    private final JsonMapper json;

    TokenCheckRequiredFilter(AccessTokenDenyList denyList, JsonMapper json) {
        this.denyList = denyList;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !MONEY_AND_ADMIN.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token
                && denyList.verdictOn(token.getToken()) == AccessTokenDenyList.Verdict.UNCHECKED) {
            response.setHeader("Retry-After", Long.toString(SecurityConfiguration.RETRY_REDIS_AFTER.toSeconds()));
            Problems.write(response, json, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, TOKEN_CHECK_UNAVAILABLE,
                    "Whether this access token was revoked cannot be checked right now; nothing was done, try again shortly"));
            return;
        }
        chain.doFilter(request, response);
    }
}
