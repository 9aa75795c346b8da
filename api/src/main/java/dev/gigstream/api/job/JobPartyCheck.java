package dev.gigstream.api.job;

import dev.gigstream.messages.common.ErrorCode;
import dev.gigstream.messages.common.Refusal;
import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.messages.dispute.DisputeView;
import dev.gigstream.messages.dispute.FindDispute;
import dev.gigstream.messages.job.FindJob;
import dev.gigstream.messages.job.JobView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Checks {@link JobPartiesOnly} before the handler's arguments are bound, right after the role check
 * ({@code AuthorizeBeforeBinding}): authorization comes before any other refusal. A job's client never
 * changes, and a worker is hired long before acting as the hired worker, so the job's view answers
 * who its parties are (a dispute's parties are its job's); a job or dispute the views do not know yet
 * goes on to the command, which decides (an unknown one stays a 404).
 */
@Configuration(proxyBeanMethods = false)
class JobPartyCheck implements WebMvcConfigurer, HandlerInterceptor {

    private final QueryGateway queries;

    JobPartyCheck(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).order(Ordered.LOWEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        JobPartiesOnly rule = handler instanceof HandlerMethod method ? method.getMethodAnnotation(JobPartiesOnly.class) : null;
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (rule == null || authentication == null || !(authentication.getPrincipal() instanceof Jwt user)) {
            return true;
        }
        @SuppressWarnings("unchecked")
        var path = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        parties(path == null ? Map.of() : path, handler)
                .filter(parties -> !parties.include(rule.value(), user.getSubject()))
                .ifPresent(parties -> {
                    throw new RefusedException(new Forbidden(rule.code()), "Only the job's "
                            + rule.value().name().toLowerCase().replace('_', ' ') + " may do this");
                });
        return true;
    }

    /** The parties of the job the path names by {@code {jobId}}, or of the dispute about a job named by {@code {disputeId}}. */
    private Optional<Parties> parties(Map<String, String> path, Object handler) {
        if (path.containsKey("jobId")) {
            return queries.query(new FindJob(path.get("jobId")), ResponseTypes.optionalInstanceOf(JobView.class)).join()
                    .map(job -> new Parties(job.clientId(), job.hiredWorkerId()));
        }
        if (path.containsKey("disputeId")) {
            return queries.query(new FindDispute(path.get("disputeId"), Instant.EPOCH),
                            ResponseTypes.optionalInstanceOf(DisputeView.class)).join()
                    .map(dispute -> new Parties(dispute.clientId(), dispute.workerId()));
        }
        throw new IllegalStateException(handler + " is @JobPartiesOnly without a {jobId} or {disputeId} in its path");
    }

    private record Parties(String clientId, String hiredWorkerId) {

        boolean include(JobPartiesOnly.Party party, String userId) {
            return switch (party) {
                case CLIENT -> userId.equals(clientId);
                case HIRED_WORKER -> userId.equals(hiredWorkerId);
                case CLIENT_OR_HIRED_WORKER -> userId.equals(clientId) || userId.equals(hiredWorkerId);
            };
        }
    }

    /** The endpoint's own code for this refusal (each feature names it in its error codes). */
    private record Forbidden(String name) implements ErrorCode {

        @Override
        public Refusal.Kind kind() {
            return Refusal.Kind.FORBIDDEN;
        }
    }
}
