package dev.gigstream.api.retention;

import dev.gigstream.api.testsupport.RetentionSweeps;
import dev.gigstream.api.testsupport.SettableClock;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.query.location.LocationPing;
import dev.gigstream.query.location.LocationPings;
import dev.gigstream.query.location.LocationShares;
import dev.gigstream.query.notifications.NotificationInbox;
import dev.gigstream.query.testsupport.MongoBackend;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The retention rules of the read-model stores, on the in-process MongoDB server, by moving a clock. */
class RetentionSweepTest {

    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    static final GeoPoint LAGOS = new GeoPoint(6.4541, 3.3947);
    static final RetentionProperties PERIODS = RetentionSweeps.DEFAULTS;

    private final SettableClock clock = new SettableClock(T0);
    private MongoDatabase readModels;

    @BeforeEach
    void setUp() {
        readModels = MongoBackend.inProcess().freshDatabase();
    }

    @Test
    void aPingIsKeptForItsPeriodAfterItWasTakenAndDeletedJustAfter() {
        var pings = new LocationPings(readModels, PERIODS.locationPings());
        for (int i = 0; i < 3; i++) { // more than a batch of each collection
            pings.accept(new LocationPing("worker-" + i, "job-" + i, LAGOS, null, T0));
        }
        pings.accept(new LocationPing("worker-9", "job-9", LAGOS, null, T0.plusSeconds(1)));
        var sweep = RetentionSweeps.over(clock, Retained.of(RetentionRule.LOCATION_PINGS, pings::deleteBatchBefore));

        clock.set(T0.plus(PERIODS.locationPings()));
        assertThat(sweep.sweep()).containsEntry(RetentionRule.LOCATION_PINGS, 0L);
        assertThat(pings.latest("job-0", "worker-0")).as("just inside the period").isPresent();

        clock.set(T0.plus(PERIODS.locationPings()).plusMillis(1));
        assertThat(sweep.sweep()).as("three pings, three jobs' latest, three trackers")
                .containsEntry(RetentionRule.LOCATION_PINGS, 9L);
        assertThat(pings.latest("job-0", "worker-0")).isEmpty();
        assertThat(pings.latest("job-9", "worker-9")).isPresent();
        assertThat(readModels.getCollection("location_pings").countDocuments()).isEqualTo(1);
    }

    @Test
    void aShareLinkIsKeptForItsPeriodAfterItExpiredAndDeletedJustAfter() {
        var shares = new LocationShares(readModels, PERIODS.shareLinks());
        Instant expiry = T0.plus(Duration.ofHours(4));
        shares.create(new LocationShares.Share("share-1", "a".repeat(64), "job-1", "worker-1", T0, expiry, null));
        shares.create(new LocationShares.Share("share-2", "b".repeat(64), "job-1", "worker-1", T0, expiry.plusSeconds(1), null));
        var sweep = RetentionSweeps.over(clock, Retained.of(RetentionRule.SHARE_LINKS, shares::deleteBatchExpiredBefore));

        clock.set(expiry.plus(PERIODS.shareLinks()));
        sweep.sweep();
        assertThat(shares.byId("share-1")).as("just inside the period").isPresent();

        clock.set(expiry.plus(PERIODS.shareLinks()).plusMillis(1));
        assertThat(sweep.sweep()).containsEntry(RetentionRule.SHARE_LINKS, 1L);
        assertThat(shares.byId("share-1")).isEmpty();
        assertThat(shares.byId("share-2")).isPresent();
    }

    @Test
    void aNotificationIsKeptForItsPeriodAfterItWasRaisedAndDeletedJustAfter() {
        var inbox = new NotificationInbox(readModels, notification -> { });
        for (int i = 0; i < 3; i++) {
            stored("notification-" + i, T0);
        }
        stored("notification-later", T0.plusSeconds(1));
        var sweep = RetentionSweeps.over(clock, Retained.of(RetentionRule.NOTIFICATIONS, inbox::deleteBatchBefore));

        clock.set(T0.plus(PERIODS.notifications()));
        sweep.sweep();
        assertThat(notifications().countDocuments()).as("just inside the period").isEqualTo(4);

        clock.set(T0.plus(PERIODS.notifications()).plusMillis(1));
        assertThat(sweep.sweep()).containsEntry(RetentionRule.NOTIFICATIONS, 3L);
        assertThat(notifications().find().map(doc -> doc.getString("_id")).into(new ArrayList<>()))
                .containsExactly("notification-later");
    }

    @Test
    void everyRuleHasExactlyOneStore() {
        Retained pings = Retained.of(RetentionRule.LOCATION_PINGS, (cutoff, batch) -> 0);
        List<Retained> allButNotifications = List.of(pings,
                Retained.of(RetentionRule.SHARE_LINKS, (cutoff, batch) -> 0),
                Retained.of(RetentionRule.AUDIT_READS, (cutoff, batch) -> 0),
                Retained.of(RetentionRule.REFRESH_TOKENS, (cutoff, batch) -> 0));

        assertThatIllegalStateException().isThrownBy(() -> new RetentionSweep(allButNotifications, PERIODS, clock))
                .withMessageContaining("NOTIFICATIONS");
        assertThatIllegalStateException().isThrownBy(() -> RetentionSweeps.over(clock, pings, pings))
                .withMessageContaining("LOCATION_PINGS");
    }

    @Test
    void aNegativePeriodStopsTheStart() {
        var negative = new RetentionProperties(Duration.ofDays(-1), Duration.ofDays(7), Duration.ofDays(180),
                Duration.ofDays(180), Duration.ofDays(730), Duration.ofDays(7), Duration.ofMinutes(15), 100);
        List<Retained> stores = Arrays.stream(RetentionRule.values())
                .map(rule -> Retained.of(rule, (cutoff, batch) -> 0)).toList();

        assertThatIllegalStateException().isThrownBy(() -> new RetentionSweep(stores, negative, clock))
                .withMessageContaining("GIGSTREAM_RETENTION_LOCATION_PINGS");
    }

    /** A notification as the inbox stores it (its handlers belong to the query side). */
    private void stored(String id, Instant at) {
        notifications().insertOne(new Document("_id", id).append("userId", "worker-1").append("type", "badge.awarded")
                .append("jobId", null).append("at", Date.from(at)).append("details", new Document()).append("read", false));
    }

    private MongoCollection<Document> notifications() {
        return readModels.getCollection("notifications");
    }
}
