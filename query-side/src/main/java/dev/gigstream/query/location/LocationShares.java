package dev.gigstream.query.location;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import dev.gigstream.query.common.ExpiredDocuments;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;

/**
 * Safety links a hired worker hands to someone they trust ({@code location_shares}). The link's
 * token is never stored, only its SHA-256 hash, so the collection cannot be turned back into working
 * links. The hash is the document's {@code _id}, so looking a link up is a primary-key read on any
 * server (the in-process one uses no other index). A share is kept for {@code gigstream.retention.share-links}
 * after it expired (a TTL index on {@code expiresAt}, and the retention sweep's {@link #deleteBatchExpiredBefore}
 * on any server), so an old link answers "expired" for a while and "unknown" after.
 */
@Component
public class LocationShares {

    static final String COLLECTION = "location_shares";

    /** {@code revokedAt} is null while the worker has not turned the link off. */
    public record Share(String shareId, String tokenHash, String jobId, String workerId, Instant createdAt,
                        Instant expiresAt, Instant revokedAt) {

        public Share {
            Objects.requireNonNull(shareId, "shareId");
            Objects.requireNonNull(tokenHash, "tokenHash");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    private final MongoCollection<Document> shares;

    public LocationShares(MongoDatabase readModels, @Value("${gigstream.retention.share-links:7d}") Duration retention) {
        this.shares = readModels.getCollection(COLLECTION);
        shares.createIndex(Indexes.ascending("shareId"), new IndexOptions().unique(true));
        shares.createIndex(Indexes.ascending("jobId"));
        TtlIndexes.ensure(readModels, shares, "expiresAt", retention);
    }

    public void create(Share share) {
        Document doc = new Document("_id", share.tokenHash())
                .append("shareId", share.shareId())
                .append("jobId", share.jobId())
                .append("workerId", share.workerId())
                .append("createdAt", Date.from(share.createdAt()))
                .append("expiresAt", Date.from(share.expiresAt()));
        if (share.revokedAt() != null) {
            doc.append("revokedAt", Date.from(share.revokedAt()));
        }
        shares.insertOne(doc);
    }

    public Optional<Share> byTokenHash(String tokenHash) {
        return Optional.ofNullable(shares.find(Filters.eq("_id", tokenHash)).first()).map(LocationShares::share);
    }

    public Optional<Share> byId(String shareId) {
        return Optional.ofNullable(shares.find(Filters.eq("shareId", shareId)).first()).map(LocationShares::share);
    }

    /** Turns the link off for good; revoking it again keeps the first time. */
    public void revoke(String shareId, Instant at) {
        shares.updateOne(Filters.and(Filters.eq("shareId", shareId), Filters.eq("revokedAt", null)),
                Updates.set("revokedAt", Date.from(at)));
    }

    /** Deletes at most {@code batch} shares that expired before {@code cutoff}; returns how many. */
    public long deleteBatchExpiredBefore(Instant cutoff, int batch) {
        return ExpiredDocuments.deleteBatch(shares, Filters.lt("expiresAt", Date.from(cutoff)), batch);
    }

    private static Share share(Document doc) {
        Date revoked = doc.getDate("revokedAt");
        return new Share(doc.getString("shareId"), doc.getString("_id"), doc.getString("jobId"), doc.getString("workerId"),
                doc.getDate("createdAt").toInstant(), doc.getDate("expiresAt").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
