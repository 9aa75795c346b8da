package dev.gigstream.query.feed;

import dev.gigstream.messages.job.FindJobFeed;
import dev.gigstream.messages.job.JobFeedItem;
import dev.gigstream.messages.job.JobFeedPage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The feed's order and paging, shared by the MongoDB path and the in-memory index: nearest first
 * when the feed is asked around a point, else newest first; ties by job id. Only the entries up to
 * the requested page are kept sorted, so a deep result set costs O(n log page) rather than a full sort.
 */
final class FeedOrder {

    static final Comparator<JobFeedItem> NEWEST_FIRST = Comparator
            .comparing(JobFeedItem::postedAt, Comparator.reverseOrder())
            .thenComparing(JobFeedItem::jobId);
    static final Comparator<JobFeedItem> NEAREST_FIRST = Comparator
            .comparingDouble(JobFeedItem::distanceKm)
            .thenComparing(NEWEST_FIRST);

    private FeedOrder() {
    }

    static Comparator<JobFeedItem> of(FindJobFeed query) {
        return query.near() != null ? NEAREST_FIRST : NEWEST_FIRST;
    }

    /** Collects matching items and returns the requested page of them. */
    static final class Pager {

        private final FindJobFeed query;
        private final Comparator<JobFeedItem> order;
        private final int keep;
        private final PriorityQueue<JobFeedItem> best;
        private long total;

        Pager(FindJobFeed query) {
            this.query = query;
            this.order = of(query);
            this.keep = Math.multiplyExact(query.page() + 1, query.size());
            this.best = new PriorityQueue<>(Math.min(keep, 1024) + 1, order.reversed());
        }

        void offer(JobFeedItem item) {
            total++;
            if (best.size() < keep) {
                best.add(item);
            } else if (order.compare(item, best.peek()) < 0) {
                best.poll();
                best.add(item);
            }
        }

        JobFeedPage page() {
            List<JobFeedItem> sorted = new ArrayList<>(best);
            sorted.sort(order);
            int from = Math.min(sorted.size(), query.page() * query.size());
            return new JobFeedPage(List.copyOf(sorted.subList(from, sorted.size())), query.page(), query.size(), total);
        }
    }
}
