package dev.gigstream.api.messaging;

import dev.gigstream.api.storage.SegmentClaims;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.util.Optional;

/**
 * The balancer of the shared processors' segments. An instance counts as alive while its heartbeat is
 * younger than the claim timeout, the age at which its claims can be taken over too; it writes one every
 * claim interval. Heartbeats are timed by the system clock, as claims are (not the application's clock,
 * which tests move). A processor keeps its segments while one of its read models is rebuilt here (by a
 * rebuild processor of its own, see {@link ProjectionProcessors}) or while it replays as a whole.
 */
@Configuration(proxyBeanMethods = false)
class SegmentBalancerConfiguration {

    @Bean
    SegmentBalancer segmentBalancer(SharedProcessors processors, ProjectionProcessors readModels, SegmentClaims claims,
                                    SegmentBalancing settings, JdbcClient jdbc) {
        Clock clock = Clock.systemUTC();
        var nodes = new ProcessingNodes(jdbc, clock, claims.nodeId(), claims.claimTimeout());
        return new SegmentBalancer(processors, nodes,
                name -> readModels.replaying(name)
                        || Optional.ofNullable(processors.current().get(name)).map(SharedProcessors::rebuilding).orElse(false),
                settings, claims.tokenClaimInterval(), clock);
    }
}
