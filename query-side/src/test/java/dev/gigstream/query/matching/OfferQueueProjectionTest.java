package dev.gigstream.query.matching;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.job.JobCancelled;
import dev.gigstream.messages.job.JobExpired;
import dev.gigstream.messages.job.JobOffered;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.query.testsupport.MongoBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** Workers' offer queues on MongoDB (the store without Redis), kept from the Job's events. */
class OfferQueueProjectionTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final Money PAY = Money.of(900_000, Currency.NGN);

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    private static JobOffered offered(String jobId, String workerId, int rank, Instant at) {
        return new JobOffered(JobId.of(jobId), WorkerId.of(workerId), rank, at, at.plus(LIFETIME), 1, 2.5, "Cook " + jobId, PAY);
    }

    private static OfferQueueProjection projection(OfferQueues queues, Instant now) {
        return new OfferQueueProjection(queues, Clock.fixed(now, ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aWorkersOffersAreListedBestRankFirstUntilTheyLapse(MongoBackend backend) {
        var queues = new MongoOfferQueues(backend.freshDatabase());
        var projection = projection(queues, T0);

        projection.on(offered("job-b", "worker-1", 3, T0));
        projection.on(offered("job-a", "worker-1", 1, T0.plusSeconds(60)));
        projection.on(offered("job-c", "worker-1", 3, T0));
        projection.on(offered("job-a", "worker-2", 2, T0.plusSeconds(60)));

        assertThat(queues.live("worker-1", T0.plusSeconds(120))).extracting(QueuedOffer::jobId)
                .containsExactly("job-a", "job-b", "job-c");
        assertThat(queues.live("worker-1", T0.plusSeconds(120)).get(0))
                .isEqualTo(new QueuedOffer("job-a", "worker-1", 1, "Cook job-a", PAY, 2.5, T0.plusSeconds(60).plus(LIFETIME)));
        assertThat(queues.live("worker-1", T0.plus(LIFETIME))).as("the offers made at T0 lapsed")
                .extracting(QueuedOffer::jobId).containsExactly("job-a");
        assertThat(queues.live("worker-3", T0)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aJobsOffersLeaveEveryQueueWhenItIsHiredCancelledOrExpires(MongoBackend backend) {
        var queues = new MongoOfferQueues(backend.freshDatabase());
        var projection = projection(queues, T0);
        for (String jobId : List.of("hired", "cancelled", "expired", "open")) {
            projection.on(offered(jobId, "worker-1", 1, T0));
            projection.on(offered(jobId, "worker-2", 2, T0));
        }

        projection.on(new WorkerHired(JobId.of("hired"), WorkerId.of("worker-2"), "client-1", PAY, EscrowId.of("escrow-1"), T0.plus(Duration.ofDays(1))));
        projection.on(new JobCancelled(JobId.of("cancelled"), "client-1", "plans changed", null, Money.zero(Currency.NGN)));
        projection.on(new JobExpired(JobId.of("expired")));

        for (String worker : List.of("worker-1", "worker-2")) {
            assertThat(queues.live(worker, T0)).as(worker).extracting(QueuedOffer::jobId).containsExactly("open");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aReplayRebuildsTheQueuesWithTheirExpiriesLeavingOutLapsedOffers(MongoBackend backend) {
        var queues = new MongoOfferQueues(backend.freshDatabase());
        var live = projection(queues, T0);
        live.on(offered("job-old", "worker-1", 1, T0));
        live.on(offered("job-new", "worker-1", 2, T0.plus(Duration.ofMinutes(10))));
        List<QueuedOffer> before = queues.live("worker-1", T0.plus(Duration.ofMinutes(16)));

        var replaying = projection(queues, T0.plus(Duration.ofMinutes(16)));
        replaying.reset();
        assertThat(queues.live("worker-1", T0)).as("emptied for the replay").isEmpty();
        replaying.on(offered("job-old", "worker-1", 1, T0));
        replaying.on(offered("job-new", "worker-1", 2, T0.plus(Duration.ofMinutes(10))));

        assertThat(queues.live("worker-1", T0)).as("the lapsed offer is not added again").extracting(QueuedOffer::jobId)
                .containsExactly("job-new");
        assertThat(queues.live("worker-1", T0.plus(Duration.ofMinutes(16)))).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void anOfferMadeTwiceIsQueuedOnce(MongoBackend backend) {
        var queues = new MongoOfferQueues(backend.freshDatabase());
        var projection = projection(queues, T0);

        projection.on(offered("job-1", "worker-1", 1, T0));
        projection.on(offered("job-1", "worker-1", 1, T0));

        assertThat(queues.live("worker-1", T0)).hasSize(1);
    }

    @Test
    void offersMadeBeforeTheJobDecidedThemAreListedWithoutTitleOrPay() {
        var queues = new MongoOfferQueues(MongoBackend.inProcess().freshDatabase());

        projection(queues, T0).on(new JobOffered(JobId.of("job-1"), WorkerId.of("worker-1"), 1, T0, T0.plus(LIFETIME), null, null, null, null));

        assertThat(queues.live("worker-1", T0)).singleElement()
                .isEqualTo(new QueuedOffer("job-1", "worker-1", 1, null, null, null, T0.plus(LIFETIME)));
    }

    @Test
    void aStoreThatDoesNotAnswerIsSkippedSoTheStreamGoesOn() {
        var projection = projection(new UnavailableQueues(), T0);

        assertThatNoException().isThrownBy(() -> {
            projection.on(offered("job-1", "worker-1", 1, T0));
            projection.on(new JobExpired(JobId.of("job-1")));
        });
    }

    /** Offer queues whose store is down. */
    private static final class UnavailableQueues implements OfferQueues {

        @Override
        public void add(QueuedOffer offer) {
            throw new OffersUnavailable("down in a test", null);
        }

        @Override
        public void withdraw(String jobId) {
            throw new OffersUnavailable("down in a test", null);
        }

        @Override
        public List<QueuedOffer> live(String workerId, Instant now) {
            throw new OffersUnavailable("down in a test", null);
        }

        @Override
        public void clear() {
            throw new OffersUnavailable("down in a test", null);
        }
    }
}
