package dev.gigstream.api.web;

import dev.gigstream.api.messaging.AuditMetadata;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id (the caller's {@code X-Correlation-Id} when it is sane, else
 * a new one), echoes it in the response, and puts it in the logging context, from where it flows
 * into the metadata of every command and event the request causes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Correlation-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String correlationId = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        response.setHeader(HEADER, correlationId);
        MDC.put(AuditMetadata.CORRELATION_ID, correlationId);
        MDC.put(AuditMetadata.SOURCE, "api");
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(AuditMetadata.CORRELATION_ID);
            MDC.remove(AuditMetadata.SOURCE);
            MDC.remove(AuditMetadata.USER_ID);
        }
    }
}
