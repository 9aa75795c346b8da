package dev.gigstream.api.retention;

import java.time.Instant;

/**
 * A store of personal data under one {@link RetentionRule}: it deletes, one batch at a time, what is
 * dated before a cutoff (the rule's "after what": a ping's time, a link's expiry...). Deleting what is
 * already gone deletes nothing, so a batch may run twice or on two instances.
 */
public interface Retained {

    RetentionRule rule();

    /** Deletes at most {@code batch} items (per collection or table the store keeps) dated before {@code cutoff}; returns how many. */
    long deleteBatchBefore(Instant cutoff, int batch);

    static Retained of(RetentionRule rule, Deletion deletion) {
        return new Retained() {
            @Override
            public RetentionRule rule() {
                return rule;
            }

            @Override
            public long deleteBatchBefore(Instant cutoff, int batch) {
                return deletion.deleteBatchBefore(cutoff, batch);
            }
        };
    }

    /** The deleting half of a {@link Retained}, for a store's method reference. */
    @FunctionalInterface
    interface Deletion {
        long deleteBatchBefore(Instant cutoff, int batch);
    }
}
