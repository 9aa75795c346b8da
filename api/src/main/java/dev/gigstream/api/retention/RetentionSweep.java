package dev.gigstream.api.retention;

import com.mongodb.MongoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Enforces the {@link RetentionRule retention table}: for each rule, deletes from its store what is dated
 * before now minus the rule's period, a batch at a time, until a batch finds nothing or
 * {@link #MAX_BATCHES} batches ran (a backlog after a long stop waits for the next sweep). Every store
 * must be declared for exactly one rule and every rule must have one, or the application does not start.
 * A store that fails is logged and tried again by the next sweep; the others go on.
 */
public class RetentionSweep {

    static final String TASK = "retention-sweep";
    static final int MAX_BATCHES = 100;

    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

    private final Map<RetentionRule, Retained> stores = new EnumMap<>(RetentionRule.class);
    private final RetentionProperties properties;
    private final Clock clock;

    public RetentionSweep(List<Retained> stores, RetentionProperties properties, Clock clock) {
        for (Retained store : stores) {
            if (this.stores.put(store.rule(), store) != null) {
                throw new IllegalStateException("Two stores are declared for the retention rule " + store.rule());
            }
        }
        for (RetentionRule rule : RetentionRule.values()) {
            rule.periodIn(properties);
            if (!this.stores.containsKey(rule)) {
                throw new IllegalStateException("No store is declared for the retention rule " + rule);
            }
        }
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs every rule once; answers how many items each deleted. */
    public Map<RetentionRule, Long> sweep() {
        Instant now = clock.instant();
        Map<RetentionRule, Long> deleted = new EnumMap<>(RetentionRule.class);
        MDC.put("source", TASK);
        try {
            stores.forEach((rule, store) -> deleted.put(rule, sweep(rule, store, now.minus(rule.periodIn(properties)))));
        } finally {
            MDC.remove("source");
        }
        return deleted;
    }

    private long sweep(RetentionRule rule, Retained store, Instant cutoff) {
        long total = 0;
        try {
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                long deleted = store.deleteBatchBefore(cutoff, properties.batchSize());
                total += deleted;
                if (deleted == 0) {
                    break;
                }
            }
        } catch (DataAccessException | MongoException e) { // the next sweep tries again
            log.warn("Retention sweep: could not delete {} dated before {}: {}", rule.what(), cutoff, e.getMessage());
        }
        if (total > 0) {
            log.info("Retention sweep: deleted {} of {} ({} {})", total, rule.what(), rule.periodIn(properties), rule.after());
        }
        return total;
    }
}
