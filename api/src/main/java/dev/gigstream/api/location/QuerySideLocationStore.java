package dev.gigstream.api.location;

import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.query.location.LocationPing;
import dev.gigstream.query.location.LocationPings;
import dev.gigstream.query.location.LocationShares;
import dev.gigstream.query.location.LocationTracking;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** The location read models of the query side behind {@link LocationStore}. */
@Component
class QuerySideLocationStore implements LocationStore {

    private final LocationTracking tracking;
    private final LocationPings pings;
    private final LocationShares shares;

    QuerySideLocationStore(LocationTracking tracking, LocationPings pings, LocationShares shares) {
        this.tracking = tracking;
        this.pings = pings;
        this.shares = shares;
    }

    @Override
    public OptionalLong record(String workerId, String jobId, Ping ping) {
        var acceptance = tracking.record(new LocationPing(workerId, jobId, new GeoPoint(ping.lat(), ping.lng()),
                ping.accuracyM(), ping.at()));
        return acceptance instanceof LocationPings.Acceptance.TooSoon tooSoon
                ? OptionalLong.of(tooSoon.retryAfterSeconds()) : OptionalLong.empty();
    }

    @Override
    public Optional<Ping> latest(String jobId, String workerId) {
        return pings.latest(jobId, workerId)
                .map(ping -> new Ping(ping.point().lat(), ping.point().lng(), ping.accuracyM(), ping.at()));
    }

    @Override
    public void create(Share share) {
        shares.create(new LocationShares.Share(share.shareId(), share.tokenHash(), share.jobId(), share.workerId(),
                share.createdAt(), share.expiresAt(), share.revokedAt()));
    }

    @Override
    public Optional<Share> byId(String shareId) {
        return shares.byId(shareId).map(QuerySideLocationStore::share);
    }

    @Override
    public Optional<Share> byTokenHash(String tokenHash) {
        return shares.byTokenHash(tokenHash).map(QuerySideLocationStore::share);
    }

    @Override
    public void revoke(String shareId, Instant at) {
        shares.revoke(shareId, at);
    }

    private static Share share(LocationShares.Share stored) {
        return new Share(stored.shareId(), stored.tokenHash(), stored.jobId(), stored.workerId(), stored.createdAt(),
                stored.expiresAt(), stored.revokedAt());
    }
}
