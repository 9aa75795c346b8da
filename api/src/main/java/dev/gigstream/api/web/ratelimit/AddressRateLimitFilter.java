package dev.gigstream.api.web.ratelimit;

import dev.gigstream.api.web.CanonicalPathFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * A token bucket per client address (and whatever else {@link #bucketKey} adds) for the requests a
 * subclass limits; over the limit the answer is 429 with {@code Retry-After}. The address is the TCP
 * peer, or the forwarded one when the app runs behind a trusted proxy ({@code server.forward-headers-strategy}).
 * <p>
 * The buckets are shared by all instances when Redis is configured ({@link SharedBuckets}), so the
 * limit holds for the whole deployment. Without Redis, or while it does not answer, each instance
 * counts in its own buckets: the limit then holds per instance. Paths are matched as the endpoint
 * groups, the security rules and the router match them (path patterns on the decoded path), and only
 * canonical paths get this far ({@link CanonicalPathFilter}), so no other spelling of a limited path
 * escapes it. A request limited here is not counted again by the endpoint groups
 * ({@link EndpointRateLimitFilter}): it carries {@link #LIMITED}.
 */
public abstract class AddressRateLimitFilter extends OncePerRequestFilter {

    /** Request attribute naming the limit a request was already counted against. */
    public static final String LIMITED = AddressRateLimitFilter.class.getName() + ".limited";

    private final HttpMethod method;
    private final List<String> paths;
    private final RequestMatcher limited;
    private final RateLimit limit;
    private final JsonMapper json;
    private final String tooMany;

    /**
     * @param name  names this filter's buckets among the shared ones ({@code auth}, {@code location-share})
     * @param paths the path patterns of the {@code method} requests it limits ({@code /api/v1/location-shares/{token}})
     */
    protected AddressRateLimitFilter(String name, HttpMethod method, List<String> paths, int requests, Duration per,
                                     SharedBuckets shared, JsonMapper json, String tooMany) {
        this.method = method;
        this.paths = List.copyOf(paths);
        this.limited = new OrRequestMatcher(paths.stream().map(path -> (RequestMatcher) pathPattern(method, path)).toList());
        this.limit = new RateLimit(name, requests, per, shared);
        this.json = json;
        this.tooMany = tooMany;
    }

    /** The method of the requests this filter limits. */
    public HttpMethod method() {
        return method;
    }

    /** The path patterns of the requests this filter limits. */
    public List<String> paths() {
        return paths;
    }

    protected String bucketKey(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limited.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(LIMITED, limit.name());
        if (limit.admit(bucketKey(request), response, json, tooMany)) {
            chain.doFilter(request, response);
        }
    }
}
