package dev.gigstream.api.worker;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.worker.RecordWorkerOnline;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Any authenticated request of a worker refreshes their {@code lastOnlineAt}. To keep the event
 * store quiet, each instance forwards at most one such fact per worker per minute, and the Worker
 * aggregate drops any that arrive within a minute of the last one it recorded.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
class WorkerPresenceFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(WorkerPresenceFilter.class);
    private static final Duration RESOLUTION = Duration.ofMinutes(1);

    private final CommandGateway commands;
    private final Clock clock;
    private final Cache<String, Instant> lastForwarded = Caffeine.newBuilder()
            .expireAfterWrite(RESOLUTION)
            .maximumSize(200_000)
            .build();

    WorkerPresenceFilter(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user != null && user.getAuthorities().stream().anyMatch(a -> "ROLE_WORKER".equals(a.getAuthority()))) {
            Instant now = clock.instant();
            if (lastForwarded.asMap().putIfAbsent(user.getName(), now) == null) {
                try {
                    commands.sendAndWait(new RecordWorkerOnline(WorkerId.of(user.getName()), now));
                } catch (RuntimeException e) {
                    log.warn("Could not record worker {} online: {}", user.getName(), e.getMessage());
                }
            }
        }
        chain.doFilter(request, response);
    }
}
