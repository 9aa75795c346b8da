package dev.gigstream.api.web;

import dev.gigstream.api.web.problems.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * A body declared as {@code application/*} or {@code *}{@code /*} is answered 415 here: Spring MVC
 * refuses to hold a wildcard content type and would fail the request with a 500 while reading the
 * body. Unparseable content types are left to Spring, which answers those 415 itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
class WildcardContentTypeFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    WildcardContentTypeFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (wildcard(request.getContentType())) {
            Problems.write(response, json, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "The Content-Type must name one media type, not a wildcard; send application/json"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean wildcard(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
