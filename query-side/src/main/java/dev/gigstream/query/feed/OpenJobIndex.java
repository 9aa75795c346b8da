package dev.gigstream.query.feed;

import dev.gigstream.messages.common.BoundingBox;
import dev.gigstream.messages.job.FindJobFeed;
import dev.gigstream.messages.job.HireLapsed;
import dev.gigstream.messages.job.JobCancelled;
import dev.gigstream.messages.job.JobExpired;
import dev.gigstream.messages.job.JobFeedItem;
import dev.gigstream.messages.job.JobFeedPage;
import dev.gigstream.messages.job.JobFunded;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.query.common.Nearby;
import dev.gigstream.query.common.PerInstance;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * An in-memory index of the OPEN jobs by area (a grid of {@value #CELL_DEGREES}-degree cells), by
 * skill and by age, that answers the feed's commonest question without a database round trip. Every
 * instance keeps its own, fed from the event stream by a processor whose token lives in memory: at
 * start it replays the stream, and until it has caught up the feed is answered from MongoDB.
 */
@Component
@PerInstance
@ProcessingGroup(OpenJobIndex.NAME)
public class OpenJobIndex {

    public static final String NAME = "open-job-index";
    static final double CELL_DEGREES = 0.25;

    private final Map<String, JobFeedItem> byId = new ConcurrentHashMap<>();
    /** Hired jobs, kept aside: a hire that lapses puts the job back in the feed. */
    private final Map<String, JobFeedItem> hired = new ConcurrentHashMap<>();
    private final Map<Long, Set<JobFeedItem>> byCell = new ConcurrentHashMap<>();
    private final Map<String, Set<JobFeedItem>> bySkill = new ConcurrentHashMap<>();
    private final Set<JobFeedItem> newestFirst = new ConcurrentSkipListSet<>(FeedOrder.NEWEST_FIRST);
    private volatile boolean ready;

    @EventHandler
    void on(JobPosted event) {
        add(new JobFeedItem(event.jobId().value(), event.title(), event.requiredSkills(), event.site(), null,
                event.shift(), event.pay(), JobStatus.OPEN, event.clientId(), event.postedAt()));
    }

    @EventHandler
    void on(WorkerHired event) {
        JobFeedItem item = remove(event.jobId().value());
        if (item != null) {
            hired.put(event.jobId().value(), item);
        }
    }

    @EventHandler
    void on(HireLapsed event) {
        JobFeedItem item = hired.remove(event.jobId().value());
        if (item != null) {
            add(item);
        }
    }

    @EventHandler
    void on(JobFunded event) {
        hired.remove(event.jobId().value());
    }

    @EventHandler
    void on(JobCancelled event) {
        remove(event.jobId().value());
        hired.remove(event.jobId().value());
    }

    @EventHandler
    void on(JobExpired event) {
        remove(event.jobId().value());
    }

    private void add(JobFeedItem item) {
        if (byId.putIfAbsent(item.jobId(), item) == null) {
            byCell.computeIfAbsent(cellOf(item.site().point().lat(), item.site().point().lng()),
                    cell -> ConcurrentHashMap.newKeySet()).add(item);
            item.requiredSkills().forEach(skill -> bySkill.computeIfAbsent(skill, s -> ConcurrentHashMap.newKeySet()).add(item));
            newestFirst.add(item);
        }
    }

    @ResetHandler
    void reset() {
        ready = false;
        byId.clear();
        hired.clear();
        byCell.clear();
        bySkill.clear();
        newestFirst.clear();
    }

    /** Called once the index's processor has caught up with the event stream. */
    public void markReady() {
        ready = true;
    }

    public boolean ready() {
        return ready;
    }

    /** Whether the index can answer this question: open jobs of anyone, and the index is caught up. */
    boolean answers(FindJobFeed query) {
        return ready && query.status() == JobStatus.OPEN && query.clientId() == null;
    }

    JobFeedPage query(FindJobFeed query) {
        FeedOrder.Pager pager = new FeedOrder.Pager(query);
        if (query.near() != null) {
            BoundingBox box = BoundingBox.around(query.near(), query.radiusKm());
            for (long latCell = cell(box.minLat()); latCell <= cell(box.maxLat()); latCell++) {
                for (long lngCell = cell(box.minLng()); lngCell <= cell(box.maxLng()); lngCell++) {
                    for (JobFeedItem item : byCell.getOrDefault(key(latCell, lngCell), Set.of())) {
                        if (matchesWithoutPlace(item, query)) {
                            double km = Nearby.distanceWithin(query.near(), query.radiusKm(), item.site().point());
                            if (km >= 0) {
                                pager.offer(item.withDistance(km));
                            }
                        }
                    }
                }
            }
        } else {
            Iterable<JobFeedItem> candidates = query.skill() == null ? newestFirst
                    : bySkill.getOrDefault(query.skill(), Set.of());
            for (JobFeedItem item : candidates) {
                if (matchesWithoutPlace(item, query)) {
                    pager.offer(item);
                }
            }
        }
        return pager.page();
    }

    private static boolean matchesWithoutPlace(JobFeedItem item, FindJobFeed query) {
        return (query.skill() == null || item.requiredSkills().contains(query.skill()))
                && (query.from() == null || !item.shift().start().isBefore(query.from()))
                && (query.to() == null || item.shift().start().isBefore(query.to()));
    }

    private JobFeedItem remove(String jobId) {
        JobFeedItem item = byId.remove(jobId);
        if (item != null) {
            Set<JobFeedItem> cell = byCell.get(cellOf(item.site().point().lat(), item.site().point().lng()));
            if (cell != null) {
                cell.remove(item);
            }
            item.requiredSkills().forEach(skill -> {
                Set<JobFeedItem> jobs = bySkill.get(skill);
                if (jobs != null) {
                    jobs.remove(item);
                }
            });
            newestFirst.remove(item);
        }
        return item;
    }

    private static long cell(double degrees) {
        return (long) Math.floor(degrees / CELL_DEGREES);
    }

    private static long cellOf(double lat, double lng) {
        return key(cell(lat), cell(lng));
    }

    private static long key(long latCell, long lngCell) {
        return (latCell + 1_000) * 10_000 + (lngCell + 1_000);
    }
}
