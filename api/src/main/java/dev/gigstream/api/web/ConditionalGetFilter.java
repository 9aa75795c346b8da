package dev.gigstream.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

/**
 * Conditional GETs for what mobile clients poll (job details, the job feed, worker profiles): a 200
 * carries an ETag hashed from its body, and {@code If-None-Match} with that tag answers 304 without
 * one. The server still builds the answer; the network carries almost nothing. The tag is weak
 * because Tomcat never gzips an answer with a strong one. Answers may differ per caller (a client's
 * own jobs), so they are {@code private, no-cache}: no shared cache keeps them, and a client's cache
 * revalidates every time. Any other request, the streamed CSV and NDJSON above all, is not buffered.
 */
@Component
class ConditionalGetFilter extends ShallowEtagHeaderFilter {

    static final String CACHE_CONTROL = "private, no-cache";
    private static final List<PathPattern> POLLED = Stream.of("/api/v1/jobs", "/api/v1/jobs/{jobId}",
            "/api/v1/workers/{workerId}").map(PathPatternParser.defaultInstance::parse).toList();

    ConditionalGetFilter() {
        setWriteWeakETag(true);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!HttpMethod.GET.matches(request.getMethod())) {
            return true;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        return POLLED.stream().noneMatch(pattern -> pattern.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        super.doFilterInternal(request, response, chain);
    }
}
