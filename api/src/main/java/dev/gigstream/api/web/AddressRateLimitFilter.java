package dev.gigstream.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;

/**
 * A token bucket per client address (and whatever else {@link #bucketKey} adds) for the requests a
 * subclass limits; over the limit the answer is 429 with {@code Retry-After}. The address is the TCP
 * peer, or the forwarded one when the app runs behind a trusted proxy ({@code server.forward-headers-strategy}).
 * <p>
 * The buckets are shared by all instances when Redis is configured ({@link SharedBuckets}), so the
 * limit holds for the whole deployment. Without Redis, or while it does not answer, each instance
 * counts in its own buckets: the limit then holds per instance. A request limited here is not counted
 * again by the endpoint groups ({@link EndpointRateLimitFilter}): it carries {@link #LIMITED}.
 */
public abstract class AddressRateLimitFilter extends OncePerRequestFilter {

    /** Request attribute naming the limit a request was already counted against. */
    public static final String LIMITED = AddressRateLimitFilter.class.getName() + ".limited";

    private final RateLimit limit;
    private final JsonMapper json;
    private final String tooMany;

    /** @param name names this filter's buckets among the shared ones ({@code auth}, {@code location-share}) */
    protected AddressRateLimitFilter(String name, int requests, Duration per, SharedBuckets shared, JsonMapper json,
                                     String tooMany) {
        this.limit = new RateLimit(name, requests, per, shared);
        this.json = json;
        this.tooMany = tooMany;
    }

    /** Whether this request counts against its address's bucket. */
    protected abstract boolean limits(HttpServletRequest request);

    protected String bucketKey(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits(request);
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
