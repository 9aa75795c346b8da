package dev.gigstream.api.web.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Rate limits for every endpoint, by group ({@link RateLimitProperties}): per user for authenticated
 * calls, per client address for public ones and for Paystack's webhooks. It runs inside the security
 * filter chain after authorization, so it knows the user, and a request without a valid token to a
 * protected endpoint is answered 401 (or 403) before it could count. Every counted answer carries the
 * rate-limit headers; over the limit it is 429 {@code RATE_LIMITED} with {@code Retry-After}
 * ({@link RateLimit}). Not a servlet filter of its own ({@link RateLimitConfiguration}).
 */
public final class EndpointRateLimitFilter extends OncePerRequestFilter {

    private final boolean enabled;
    private final RequestMatcher exempt;
    private final List<Group> groups;
    private final JsonMapper json;

    EndpointRateLimitFilter(RateLimitProperties properties, SharedBuckets shared, JsonMapper json) {
        this.enabled = properties.enabled();
        this.exempt = properties.exempt().isEmpty() ? request -> false
                : new OrRequestMatcher(properties.exempt().stream().map(path -> (RequestMatcher) pathPattern(path)).toList());
        this.groups = properties.groups().entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, RateLimitProperties.Group> group) -> group.getValue().order())
                        .thenComparing(Map.Entry::getKey))
                .map(group -> Group.of(group.getKey(), group.getValue(), shared))
                .toList();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !enabled || request.getAttribute(AddressRateLimitFilter.LIMITED) != null || exempt.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = user();
        for (Group group : groups) {
            if (!group.matcher().matches(request)) {
                continue;
            }
            if (group.key() == RateLimitProperties.Key.USER) {
                if (user == null) {
                    continue;
                }
                if (!group.limit().admit("user:" + user, response, json, "Too many requests from this account")) {
                    return;
                }
            } else if (!group.limit().admit("address:" + request.getRemoteAddr(), response, json,
                    "Too many requests from this address")) {
                return;
            }
            break;
        }
        chain.doFilter(request, response);
    }

    /** The access token's subject, or null for an anonymous request. */
    private static String user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return authentication.getName();
    }

    private record Group(String name, RequestMatcher matcher, RateLimitProperties.Key key, RateLimit limit) {

        static Group of(String name, RateLimitProperties.Group settings, SharedBuckets shared) {
            if (settings.paths().isEmpty() || settings.key() == null || settings.per() == null) {
                throw new IllegalStateException("gigstream.rate-limits.groups." + name + " needs paths, key, requests and per");
            }
            List<RequestMatcher> matchers = new ArrayList<>();
            for (String path : settings.paths()) {
                if (settings.methods().isEmpty()) {
                    matchers.add(pathPattern(path.trim()));
                }
                for (String method : settings.methods()) {
                    matchers.add(pathPattern(HttpMethod.valueOf(method.trim().toUpperCase(Locale.ROOT)), path.trim()));
                }
            }
            return new Group(name, new OrRequestMatcher(matchers), settings.key(),
                    new RateLimit(name, settings.requests(), settings.per(), shared));
        }
    }
}
