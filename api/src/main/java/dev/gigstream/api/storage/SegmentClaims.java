package dev.gigstream.api.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

/**
 * How instances share the segments of the event processors whose tokens they share (sagas and policies
 * in the event-store database, projections in a shared MongoDB). An instance holds a segment by
 * refreshing its token's claim at least every {@code claimExtensionThreshold}; another instance takes a
 * claim over once it is {@code claimTimeout} old, looking for unclaimed or expired segments every
 * {@code tokenClaimInterval}. So the segments of an instance that died without releasing them move
 * within {@link #worstCaseTakeover()} (claim timeout + claim interval, 6 s by default; Axon's own
 * defaults give 15 s). Instances compare their clocks through the claims' timestamps: keep them in sync.
 *
 * <p>{@code maxClaimedSegments} caps the segments of one processor that one instance claims (none when
 * unset): Axon Server SE does not rebalance, and without a cap the first instance to start keeps every
 * segment. A cap below the segment count also caps what the survivors can take over when an instance
 * dies: with {@code n} instances and {@code s} segments, {@code ceil(s / (n - 1))} lets the others take
 * every segment of one dead instance.
 *
 * <p>{@code nodeId} names this instance in the claims; by default the process name plus a random part,
 * so that two application contexts in one process (or containers that all run as pid 1 on a shared
 * name) never take each other's claims for their own.
 */
@ConfigurationProperties("gigstream.processing")
public record SegmentClaims(@DefaultValue("5s") Duration claimTimeout,
                           @DefaultValue("1s") Duration tokenClaimInterval,
                           @DefaultValue("2s") Duration claimExtensionThreshold,
                           Integer maxClaimedSegments,
                           String nodeId) {

    public SegmentClaims {
        if (claimExtensionThreshold.compareTo(claimTimeout) >= 0) {
            throw new IllegalArgumentException("gigstream.processing.claim-extension-threshold (" + claimExtensionThreshold
                    + ") must be shorter than gigstream.processing.claim-timeout (" + claimTimeout
                    + "), or live instances lose their segments to each other");
        }
        if (tokenClaimInterval.isNegative() || tokenClaimInterval.isZero()) {
            throw new IllegalArgumentException("gigstream.processing.token-claim-interval must be positive");
        }
        if (maxClaimedSegments != null && maxClaimedSegments < 1) {
            throw new IllegalArgumentException("gigstream.processing.max-claimed-segments must be at least 1 when set");
        }
        if (nodeId == null || nodeId.isBlank()) {
            nodeId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        }
    }

    /** The longest a dead instance's segments wait for another instance. */
    public Duration worstCaseTakeover() {
        return claimTimeout.plus(tokenClaimInterval);
    }

    /** The segments one instance claims of one processor. */
    public int maxClaimedSegmentsOrAll() {
        return maxClaimedSegments == null ? Integer.MAX_VALUE : maxClaimedSegments;
    }
}
