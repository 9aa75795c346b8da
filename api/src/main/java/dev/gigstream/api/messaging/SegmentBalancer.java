package dev.gigstream.api.messaging;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Spreads the shared processors' segments over the instances alive. Axon's processors claim every
 * segment nobody holds, and nothing takes one from an instance that holds it (Axon Server SE does not
 * rebalance either): left alone, the first instance to start keeps all the work. So every instance
 * announces itself ({@link ProcessingNodes}) and, every {@code balance-every}, compares what it holds with
 * its {@link FairShare}, releasing the excess; another instance claims it at its next look for unclaimed
 * segments. Every instance looks at the same moments, so one at its share may win the segment, and
 * pass it on at its next balance: the releaser keeps away from a released segment for two balance
 * periods and a claim interval, so that it goes on to a third instance rather than back and forth. A
 * segment nobody took comes back after that, and that processor is then left alone for a while, longer
 * each time it happens again (the others may be at their {@code max-claimed-segments}, or not run it; a
 * tracking processor that found no segment to claim at its start may not look again).
 *
 * <p>Releasing does not delay a takeover: an instance that took segments over since its last look releases
 * nothing until its holdings have settled, by which time a dead instance's row has aged out and the
 * survivors' shares have grown. (A segment that an instance released itself shortly before waits out
 * those two balance periods before that instance takes it back.) Segments of a processor that is {@code busy} (rebuilding a read model)
 * stay where they are.
 */
public final class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    /** How long a processor whose released segment nobody took is left alone, doubling each time it happens again. */
    private static final Duration LEFT_ALONE_AT_FIRST = Duration.ofSeconds(30);
    private static final Duration LEFT_ALONE_AT_MOST = Duration.ofMinutes(10);

    private final SharedProcessors processors;
    private final ProcessingNodes nodes;
    private final Predicate<String> busy;
    private final SegmentBalancing settings;
    private final Duration heartbeatEvery;
    private final Duration releaseFor;
    private final Clock clock;

    // touched by the balancer's own thread only
    private Set<Holding> previous = Set.of();
    private final List<Release> released = new LinkedList<>();
    private final Map<String, Instant> leftAloneUntil = new HashMap<>();
    private final Map<String, Integer> timesNotTaken = new HashMap<>();
    private boolean heartbeatFailing;

    private volatile ScheduledExecutorService executor;

    SegmentBalancer(SharedProcessors processors, ProcessingNodes nodes, Predicate<String> busy,
                    SegmentBalancing settings, Duration tokenClaimInterval, Clock clock) {
        this.processors = processors;
        this.nodes = nodes;
        this.busy = busy;
        this.settings = settings;
        this.heartbeatEvery = tokenClaimInterval;
        // until after the taker's own next release, so that a segment that landed on another instance above its
        // share and is passed on again goes to a third instance, not back here
        this.releaseFor = settings.balanceEvery().multipliedBy(2).plus(tokenClaimInterval);
        this.clock = clock;
    }

    /** Started last, after the processors; stopped first, before they release their claims. */
    @Override
    public void start() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::heartbeat, 0, heartbeatEvery.toMillis(), TimeUnit.MILLISECONDS);
        if (settings.balance()) {
            long every = settings.balanceEvery().toMillis();
            scheduler.scheduleWithFixedDelay(this::balanceQuietly, every, every, TimeUnit.MILLISECONDS);
        }
        executor = scheduler;
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler = executor;
        executor = null;
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
            nodes.leave();
            log.info("{} no longer shares the processing", nodes.nodeId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not remove this instance ({}) from the processing nodes; the others count it out "
                    + "once its heartbeat is old", nodes.nodeId(), e);
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private void heartbeat() {
        try {
            nodes.heartbeat();
            if (heartbeatFailing) {
                log.info("The processing heartbeat of {} is written again", nodes.nodeId());
            }
            heartbeatFailing = false;
        } catch (RuntimeException e) {
            if (!heartbeatFailing) {
                log.warn("Could not write the processing heartbeat of {}; the other instances will count it out "
                        + "until it is written again", nodes.nodeId(), e);
            }
            heartbeatFailing = true;
        }
    }

    private void balanceQuietly() {
        try {
            balance();
        } catch (RuntimeException e) {
            // the database is away: claims cannot move either; look again next time
            log.debug("Could not balance the processing segments this time", e);
        }
    }

    void balance() {
        Instant now = clock.instant();
        Map<String, StreamingEventProcessor> shared = processors.current();
        Map<String, Set<Integer>> held = new TreeMap<>();
        Set<Holding> holdings = new HashSet<>();
        shared.forEach((name, processor) -> {
            Set<Integer> segments = new TreeSet<>(processor.processingStatus().keySet());
            if (!segments.isEmpty()) {
                held.put(name, segments);
                segments.forEach(segment -> holdings.add(new Holding(name, segment)));
            }
        });
        boolean settled = previous.containsAll(holdings);
        previous = holdings;
        judgeReleases(holdings, now);
        if (!settled) {
            return;
        }
        Set<String> alive = nodes.alive();
        if (alive.size() < 2) {
            return;
        }
        Map<String, Integer> segments = new TreeMap<>();
        Set<String> keep = new HashSet<>();
        for (var processor : shared.entrySet()) {
            String name = processor.getKey();
            segments.put(name, processors.segmentCount(name));
            if (!processor.getValue().isRunning() || busy.test(name) || now.isBefore(leftAloneUntil.getOrDefault(name, Instant.MIN))) {
                keep.add(name);
            }
        }
        Map<String, List<Integer>> release = FairShare.toRelease(segments, held, alive.size(), keep);
        if (release.isEmpty()) {
            return;
        }
        log.info("{} instances share the processing ({}; {} segments each at most): {} releases {}", alive.size(), alive,
                FairShare.ofAll(segments, alive.size()), nodes.nodeId(), release);
        release.forEach((name, ids) -> {
            for (int id : ids) {
                shared.get(name).releaseSegment(id, releaseFor.toMillis(), TimeUnit.MILLISECONDS);
                released.add(new Release(new Holding(name, id), now.plus(releaseFor).plus(heartbeatEvery.multipliedBy(2))));
            }
        });
    }

    /** A released segment this instance holds again once it could reclaim it: nobody else took it. */
    private void judgeReleases(Set<Holding> holdings, Instant now) {
        Set<String> notTaken = new TreeSet<>();
        Set<String> taken = new TreeSet<>();
        for (Iterator<Release> it = released.iterator(); it.hasNext(); ) {
            Release release = it.next();
            if (!now.isBefore(release.judgedAt())) {
                it.remove();
                (holdings.contains(release.segment()) ? notTaken : taken).add(release.segment().processor());
            }
        }
        taken.removeAll(notTaken);
        taken.forEach(timesNotTaken::remove);
        for (String processor : notTaken) {
            int times = timesNotTaken.merge(processor, 1, Integer::sum);
            Duration alone = LEFT_ALONE_AT_FIRST.multipliedBy(1L << Math.min(times - 1, 5));
            Duration leftAlone = alone.compareTo(LEFT_ALONE_AT_MOST) < 0 ? alone : LEFT_ALONE_AT_MOST;
            log.info("No other instance took what {} released of {}; leaving that processor where it is for {}",
                    nodes.nodeId(), processor, leftAlone);
            leftAloneUntil.put(processor, now.plus(leftAlone));
        }
    }

    private record Holding(String processor, int segment) {
    }

    private record Release(Holding segment, Instant judgedAt) {
    }
}
