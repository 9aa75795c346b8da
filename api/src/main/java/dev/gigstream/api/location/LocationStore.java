package dev.gigstream.api.location;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The port through which the location endpoints keep a hired worker's pings and the safety links to
 * them: the read side stores both (and watches the pings for implausible speeds), the controllers only
 * decide who may ping, see and share.
 */
interface LocationStore {

    /** A ping as it was taken, {@code at} to the millisecond as stored; {@code accuracyM} is null when the phone gave none. */
    record Ping(double lat, double lng, Double accuracyM, Instant at) {

        public Ping {
            at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
        }
    }

    /** A safety link: {@code revokedAt} is null while the worker has not turned it off. */
    record Share(String shareId, String tokenHash, String jobId, String workerId, Instant createdAt,
                 Instant expiresAt, Instant revokedAt) {

        public Share {
            Objects.requireNonNull(shareId, "shareId");
            Objects.requireNonNull(tokenHash, "tokenHash");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /**
     * Takes the worker's ping on the job.
     *
     * @return empty when taken; else the seconds to wait, the ping coming too soon after the last
     */
    OptionalLong record(String workerId, String jobId, Ping ping);

    Optional<Ping> latest(String jobId, String workerId);

    void create(Share share);

    Optional<Share> byId(String shareId);

    Optional<Share> byTokenHash(String tokenHash);

    void revoke(String shareId, Instant at);
}
