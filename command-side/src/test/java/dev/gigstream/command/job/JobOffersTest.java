package dev.gigstream.command.job;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.job.ApplyToJob;
import dev.gigstream.messages.job.CancelJob;
import dev.gigstream.messages.job.HireWorker;
import dev.gigstream.messages.job.JobCancelled;
import dev.gigstream.messages.job.JobErrorCode;
import dev.gigstream.messages.job.JobExpired;
import dev.gigstream.messages.job.JobOfferWaveDue;
import dev.gigstream.messages.job.JobOffered;
import dev.gigstream.messages.job.OfferJob;
import dev.gigstream.messages.worker.ApplicantStanding;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.gigstream.command.RefusalMatcher.refusedWith;
import static dev.gigstream.command.job.JobMother.CLIENT_ID;
import static dev.gigstream.command.job.JobMother.ESCROW_ID;
import static dev.gigstream.command.job.JobMother.JOB_ID;
import static dev.gigstream.command.job.JobMother.OTHER_WORKER_ID;
import static dev.gigstream.command.job.JobMother.PAY;
import static dev.gigstream.command.job.JobMother.WORKER_ID;
import static dev.gigstream.command.job.JobMother.applied;
import static dev.gigstream.command.job.JobMother.hired;
import static dev.gigstream.command.job.JobMother.post;
import static dev.gigstream.command.job.JobMother.posted;

/** Offers of a job to the workers who fit it, in waves: only while it is open, to nobody twice, each wave once. */
class JobOffersTest {

    private static final String THIRD_WORKER_ID = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a";
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final Duration WAVE_DELAY = Duration.ofMinutes(2);

    private AggregateTestFixture<Job> fixture;
    private Instant now;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Job.class);
        fixture.registerInjectableResource((WorkerStandings) id -> new ApplicantStanding(true, false));
        fixture.registerInjectableResource((ClientStandings) id -> false);
        fixture.registerInjectableResource(new CancellationPolicy(CancellationPolicy.DEFAULT_LATE_SHARE_BASIS_POINTS));
        now = fixture.currentTime();
    }

    private OfferJob firstWave(String... workerIds) {
        return wave(1, now.plus(WAVE_DELAY), workerIds);
    }

    private OfferJob wave(int wave, Instant nextWaveAt, String... workerIds) {
        int rankBefore = wave == 1 ? 0 : 2;
        var offers = new java.util.ArrayList<OfferJob.Offer>();
        for (String workerId : workerIds) {
            offers.add(new OfferJob.Offer(WorkerId.of(workerId), rankBefore + offers.size() + 1, 2.5, now.plus(LIFETIME)));
        }
        return new OfferJob(JobId.of(JOB_ID), wave, offers, now, nextWaveAt);
    }

    private JobOffered offered(String workerId, int rank, int wave) {
        return new JobOffered(JobId.of(JOB_ID), WorkerId.of(workerId), rank, now, now.plus(LIFETIME), wave, 2.5, "Barista for a launch party", PAY);
    }

    @Nested
    class Offering {

        @Test
        void anOpenJobIsOfferedToEachWorkerOfTheFirstWaveWithItsTitleAndPay() {
            fixture.given(posted(now))
                   .when(firstWave(WORKER_ID, OTHER_WORKER_ID))
                   .expectEvents(offered(WORKER_ID, 1, 1), offered(OTHER_WORKER_ID, 2, 1))
                   .expectScheduledDeadline(WAVE_DELAY, 2);
        }

        @Test
        void theLastWaveSchedulesNoFurtherWave() {
            fixture.given(posted(now), offered(WORKER_ID, 1, 1), new JobOfferWaveDue(JobId.of(JOB_ID), 2, List.of(WORKER_ID)))
                   .when(wave(2, null, OTHER_WORKER_ID))
                   .expectEvents(offered(OTHER_WORKER_ID, 3, 2))
                   .expectNoScheduledDeadlines();
        }

        @Test
        void aWaveSentAgainOffersNothingAndSchedulesNothing() {
            fixture.given(posted(now), offered(WORKER_ID, 1, 1))
                   .when(firstWave(WORKER_ID, OTHER_WORKER_ID))
                   .expectNoEvents()
                   .expectNoScheduledDeadlines();
        }

        @Test
        void nobodyIsOfferedTheJobTwice() {
            fixture.given(posted(now), offered(WORKER_ID, 1, 1), new JobOfferWaveDue(JobId.of(JOB_ID), 2, List.of(WORKER_ID)))
                   .when(wave(2, null, WORKER_ID, OTHER_WORKER_ID, OTHER_WORKER_ID))
                   .expectEvents(offered(OTHER_WORKER_ID, 4, 2));
        }

        @Test
        void aWorkerWhoAppliedAlreadyNeedsNoOffer() {
            fixture.given(posted(now), applied(WORKER_ID, now))
                   .when(firstWave(WORKER_ID, OTHER_WORKER_ID))
                   .expectEvents(offered(OTHER_WORKER_ID, 2, 1));
        }

        @Test
        void aJobThatIsNoLongerOpenIsOfferedToNobody() {
            fixture.given(posted(now), applied(WORKER_ID, now), hired(WORKER_ID, now))
                   .when(firstWave(OTHER_WORKER_ID))
                   .expectNoEvents()
                   .expectNoScheduledDeadlines();
            fixture.given(posted(now), new JobCancelled(JobId.of(JOB_ID), CLIENT_ID, "plans changed", null, JobMother.NO_MONEY))
                   .when(firstWave(OTHER_WORKER_ID))
                   .expectNoEvents();
            fixture.given(posted(now), new JobExpired(JobId.of(JOB_ID)))
                   .when(firstWave(OTHER_WORKER_ID))
                   .expectNoEvents();
        }

        @Test
        void aLaterWaveIsRefusedBeforeItIsDue() {
            fixture.given(posted(now), offered(WORKER_ID, 1, 1))
                   .when(wave(2, null, OTHER_WORKER_ID))
                   .expectNoEvents()
                   .expectException(refusedWith(JobErrorCode.OFFER_WAVE_NOT_DUE));
        }
    }

    @Nested
    class TheNextWave {

        @Test
        void isDueAfterTheDelayWithEveryoneOfferedSoFar() {
            fixture.givenCommands(post(now), firstWave(WORKER_ID, OTHER_WORKER_ID))
                   .whenTimeElapses(WAVE_DELAY)
                   .expectTriggeredDeadlinesWithName(Job.OFFER_WAVE)
                   .expectEvents(new JobOfferWaveDue(JobId.of(JOB_ID), 2, List.of(WORKER_ID, OTHER_WORKER_ID)));
        }

        @Test
        void isNotDueOnceSomeoneIsHired() {
            fixture.givenCommands(post(now), firstWave(WORKER_ID, OTHER_WORKER_ID),
                                  new ApplyToJob(JobId.of(JOB_ID), WorkerId.of(THIRD_WORKER_ID), null, now),
                                  new HireWorker(JobId.of(JOB_ID), WorkerId.of(THIRD_WORKER_ID), CLIENT_ID, EscrowId.of(ESCROW_ID), now))
                   .whenTimeElapses(WAVE_DELAY)
                   .expectTriggeredDeadlinesWithName(Job.OFFER_WAVE)
                   .expectNoEvents();
        }

        @Test
        void isNotDueOnceTheJobIsCancelled() {
            fixture.givenCommands(post(now), firstWave(WORKER_ID), new CancelJob(JobId.of(JOB_ID), CLIENT_ID, "plans changed", now))
                   .whenTimeElapses(WAVE_DELAY)
                   .expectTriggeredDeadlinesWithName(Job.OFFER_WAVE)
                   .expectNoEvents();
        }

        @Test
        void isDueOnceWhenAFirstWaveThatFoundNobodyWasSentTwice() {
            fixture.givenCommands(post(now), firstWave(), firstWave())
                   .whenTimeElapses(WAVE_DELAY)
                   .expectTriggeredDeadlinesWithName(Job.OFFER_WAVE, Job.OFFER_WAVE)
                   .expectEvents(new JobOfferWaveDue(JobId.of(JOB_ID), 2, List.of()));
        }
    }
}
