package dev.gigstream.command.rating;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.rating.JobRatingsIds;
import dev.gigstream.messages.rating.JobRatingsOpened;
import dev.gigstream.messages.rating.RateJob;
import dev.gigstream.messages.rating.RaterRole;
import dev.gigstream.messages.rating.RatingErrorCode;
import dev.gigstream.messages.rating.RatingGiven;
import dev.gigstream.messages.rating.RatingsRevealed;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.gigstream.command.RefusalMatcher.refusedWith;

/** A finished job's two ratings: who rates, when, once; hidden until both rated or the reveal deadline. */
class JobRatingsTest {

    private static final String JOB_ID = "7c1e0c9e-3a55-4a8c-9f43-1d2b6f8e0a01";
    private static final String RATINGS_ID = JobRatingsIds.of(JOB_ID);
    private static final String CLIENT_ID = "c1a5e0b2-0d1f-4d7e-8a8c-2c4f5e6a7b8c";
    private static final String WORKER_ID = "3f0d6a52-6a0e-4a53-9d43-0b9a2f5d8c11";
    private static final String STRANGER_ID = "0f9e8d7c-6b5a-4938-a7b6-c5d4e3f2a1b0";

    private AggregateTestFixture<JobRatings> fixture;
    private Instant finishedAt;
    private JobStatus status = JobStatus.COMPLETED;
    private boolean jobKnown = true;
    /** What the job's events say of a job that finished before jobs opened their own ratings. */
    private JobRatingsOpened finishedBeforeOpenings;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(JobRatings.class);
        finishedAt = fixture.currentTime();
        fixture.registerInjectableResource((KnownJobs) jobId -> jobKnown);
        fixture.registerInjectableResource((FinishedJobs) jobId -> Optional.ofNullable(finishedBeforeOpenings));
    }

    /** As the job opens its ratings when it finishes (specified with the job's lifecycle). */
    private JobRatingsOpened opened() {
        return new JobRatingsOpened(RATINGS_ID, JobId.of(JOB_ID), CLIENT_ID, WorkerId.of(WORKER_ID), status, finishedAt);
    }

    private Instant day(double days) {
        return finishedAt.plus(Duration.ofMinutes((long) (days * 24 * 60)));
    }

    private static RateJob rate(String raterId, int stars, Instant at) {
        return new RateJob(RATINGS_ID, JobId.of(JOB_ID), raterId, stars, stars + " stars", at);
    }

    private static RatingGiven byClient(int stars, Instant at) {
        return new RatingGiven(RATINGS_ID, JobId.of(JOB_ID), CLIENT_ID, RaterRole.CLIENT, WORKER_ID, stars, stars + " stars", at);
    }

    private static RatingGiven byWorker(int stars, Instant at) {
        return new RatingGiven(RATINGS_ID, JobId.of(JOB_ID), WORKER_ID, RaterRole.WORKER, CLIENT_ID, stars, stars + " stars", at);
    }

    private static RatingsRevealed.Rating shown(RatingGiven given) {
        return new RatingsRevealed.Rating(given.raterId(), given.raterRole(), given.rateeId(), given.stars(), given.comment(),
                given.at());
    }

    @Nested
    class Rating {

        @Test
        void theFirstRatingStaysHiddenAndTheRevealDeadlineIsSetSevenDaysAfterTheEnd() {
            fixture.given(opened())
                   .when(rate(CLIENT_ID, 5, day(1)))
                   .expectEvents(byClient(5, day(1)))
                   .expectScheduledDeadlineWithName(finishedAt.plus(Duration.ofDays(7)), JobRatings.REVEAL);
        }

        @Test
        void theSecondRatingRevealsBothAtOnce() {
            fixture.given(opened(), byClient(5, day(1)))
                   .when(rate(WORKER_ID, 4, day(2)))
                   .expectEvents(byWorker(4, day(2)),
                           new RatingsRevealed(RATINGS_ID, JobId.of(JOB_ID), List.of(shown(byClient(5, day(1))), shown(byWorker(4, day(2)))),
                                   day(2)));
        }

        @Test
        void aBlankCommentIsNoComment() {
            fixture.given(opened())
                   .when(new RateJob(RATINGS_ID, JobId.of(JOB_ID), WORKER_ID, 3, "   ", day(1)))
                   .expectEvents(new RatingGiven(RATINGS_ID, JobId.of(JOB_ID), WORKER_ID, RaterRole.WORKER, CLIENT_ID, 3, null, day(1)));
        }

        @Test
        void eachPartyRatesOnce() {
            fixture.given(opened(), byClient(5, day(1)))
                   .when(rate(CLIENT_ID, 1, day(2)))
                   .expectNoEvents().expectException(refusedWith(RatingErrorCode.ALREADY_RATED));
        }

        @Test
        void strangersDoNotRate() {
            fixture.given(opened())
                   .when(rate(STRANGER_ID, 5, day(1)))
                   .expectNoEvents().expectException(refusedWith(RatingErrorCode.NOT_A_PARTY_OF_THE_JOB));
        }

        @Test
        void aStrangerIsRefusedAsSuchWhateverTheRatingOrTheJobsState() {
            fixture.given(opened())
                   .when(rate(STRANGER_ID, 9, day(1)))
                   .expectNoEvents().expectException(refusedWith(RatingErrorCode.NOT_A_PARTY_OF_THE_JOB));
            fixture.given(opened(), byClient(5, day(1)))
                   .when(rate(STRANGER_ID, 5, day(2)))
                   .expectNoEvents().expectException(refusedWith(RatingErrorCode.NOT_A_PARTY_OF_THE_JOB));
        }

        @Test
        void starsAreOneToFiveAndACommentAtMostAThousandCharacters() {
            for (int stars : new int[]{0, 6, -1}) {
                fixture.given(opened())
                       .when(rate(CLIENT_ID, stars, day(1)))
                       .expectNoEvents().expectException(refusedWith(RatingErrorCode.INVALID_RATING));
            }
            fixture.given(opened())
                   .when(new RateJob(RATINGS_ID, JobId.of(JOB_ID), CLIENT_ID, 4, "x".repeat(1_001), day(1)))
                   .expectNoEvents().expectException(refusedWith(RatingErrorCode.INVALID_RATING));
            fixture.given(opened())
                   .when(new RateJob(RATINGS_ID, JobId.of(JOB_ID), CLIENT_ID, 4, "x".repeat(1_000), day(1)))
                   .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Timing {

        @Test
        void aJobIsRatedOnlyOnceItFinished() {
            fixture.givenNoPriorActivity()
                   .when(rate(CLIENT_ID, 5, day(0)))
                   .expectNoEvents().expectException(refusedWith(RatingErrorCode.JOB_NOT_FINISHED));
            fixture.givenNoPriorActivity()
                   .when(rate(STRANGER_ID, 5, day(0)))
                   .expectNoEvents().expectException(refusedWith(RatingErrorCode.JOB_NOT_FINISHED));
        }

        @Test
        void anUnknownJobIsNotFound() {
            jobKnown = false;
            fixture.givenNoPriorActivity()
                   .when(rate(CLIENT_ID, 5, day(0)))
                   .expectNoEvents().expectException(AggregateNotFoundException.class);
        }

        @Test
        void theWindowClosesFourteenDaysAfterTheEnd() {
            fixture.given(opened())
                   .when(rate(CLIENT_ID, 5, day(14)))
                   .expectSuccessfulHandlerExecution();
            fixture.given(opened())
                   .when(rate(CLIENT_ID, 5, day(14).plusSeconds(1)))
                   .expectNoEvents().expectException(refusedWith(RatingErrorCode.RATING_WINDOW_CLOSED));
        }

        @Test
        void theRevealDeadlineRevealsWhatWasGiven() {
            fixture.given(opened())
                   .andGivenCommands(rate(CLIENT_ID, 2, day(1)))
                   .whenThenTimeElapses(Duration.ofDays(7))
                   .expectTriggeredDeadlinesWithName(JobRatings.REVEAL)
                   .expectEvents(new RatingsRevealed(RATINGS_ID, JobId.of(JOB_ID), List.of(shown(byClient(2, day(1)))), day(7)));
        }

        @Test
        void afterTheRevealDeadlineARatingIsShownAsItIsGiven() {
            fixture.given(opened(), byClient(5, day(1)),
                          new RatingsRevealed(RATINGS_ID, JobId.of(JOB_ID), List.of(shown(byClient(5, day(1)))), day(7)))
                   .when(rate(WORKER_ID, 3, day(9)))
                   .expectEvents(byWorker(3, day(9)),
                           new RatingsRevealed(RATINGS_ID, JobId.of(JOB_ID), List.of(shown(byWorker(3, day(9)))), day(9)));
        }

        @Test
        void theDeadlineAfterBothRatedRevealsNothingMore() {
            fixture.given(opened())
                   .andGivenCommands(rate(CLIENT_ID, 5, day(1)), rate(WORKER_ID, 5, day(2)))
                   .whenThenTimeElapses(Duration.ofDays(7))
                   .expectTriggeredDeadlinesWithName(JobRatings.REVEAL)
                   .expectNoEvents();
        }
    }

    @Nested
    class NoShow {

        @BeforeEach
        void noShow() {
            status = JobStatus.NO_SHOW;
        }

        @Test
        void theClientRatesANoShowAndItIsShownAtOnce() {
            fixture.given(opened())
                   .when(rate(CLIENT_ID, 1, day(1)))
                   .expectEvents(byClient(1, day(1)),
                           new RatingsRevealed(RATINGS_ID, JobId.of(JOB_ID), List.of(shown(byClient(1, day(1)))), day(1)));
        }

        @Test
        void theWorkerWhoDidNotComeDoesNotRate() {
            fixture.given(opened())
                   .when(rate(WORKER_ID, 1, day(1)))
                   .expectNoEvents().expectException(refusedWith(RatingErrorCode.NO_SHOW_RATED_BY_CLIENT_ONLY));
        }
    }

    /**
     * A job that finished under the previous version never opened its ratings (its streams hold no
     * {@link JobRatingsOpened}, at most the ratings given before the upgrade): they open at the first rating
     * after it, as the job would have opened them, by the same rules.
     */
    @Nested
    class FinishedBeforeJobsOpenedTheirRatings {

        @BeforeEach
        void finishedUnderThePreviousVersion() {
            finishedBeforeOpenings = opened();
        }

        @Test
        void theFirstRatingOpensThemStaysHiddenAndSetsTheRevealDeadline() {
            fixture.givenNoPriorActivity()
                   .when(rate(CLIENT_ID, 5, day(1)))
                   .expectEvents(opened(), byClient(5, day(1)))
                   .expectScheduledDeadlineWithName(finishedAt.plus(Duration.ofDays(7)), JobRatings.REVEAL);
        }

        @Test
        void theOtherPartyRatesAfterARatingGivenBeforeTheUpgradeAndBothAreRevealed() {
            fixture.given(byClient(5, day(1)))
                   .when(rate(WORKER_ID, 4, day(2)))
                   .expectEvents(opened(), byWorker(4, day(2)),
                           new RatingsRevealed(RATINGS_ID, JobId.of(JOB_ID), List.of(shown(byClient(5, day(1))), shown(byWorker(4, day(2)))),
                                   day(2)));
        }

        @Test
        void theRevealDeadlineTheUpgradeFoundRevealsTheRatingGivenBeforeIt() {
            fixture.given(byClient(5, day(1)))
                   .whenInvoking(RATINGS_ID, ratings -> ratings.onRevealDeadline(day(7)))
                   .expectEvents(new RatingsRevealed(RATINGS_ID, JobId.of(JOB_ID), List.of(shown(byClient(5, day(1)))), day(7)));
        }

        @Test
        void whoRatedBeforeTheUpgradeHasRated() {
            fixture.given(byClient(5, day(1)))
                   .when(rate(CLIENT_ID, 1, day(2)))
                   .expectNoEvents().expectException(refusedWith(RatingErrorCode.ALREADY_RATED));
        }

        @Test
        void onlyItsPartiesRateItWithinFourteenDaysOfItsEnd() {
            fixture.givenNoPriorActivity()
                   .when(rate(STRANGER_ID, 5, day(1)))
                   .expectNoEvents().expectException(refusedWith(RatingErrorCode.NOT_A_PARTY_OF_THE_JOB));
            fixture.givenNoPriorActivity()
                   .when(rate(CLIENT_ID, 5, day(14).plusSeconds(1)))
                   .expectNoEvents().expectException(refusedWith(RatingErrorCode.RATING_WINDOW_CLOSED));
            fixture.givenNoPriorActivity()
                   .when(rate(WORKER_ID, 5, day(14)))
                   .expectEvents(opened(), byWorker(5, day(14)),
                           new RatingsRevealed(RATINGS_ID, JobId.of(JOB_ID), List.of(shown(byWorker(5, day(14)))), day(14)));
        }

        @Test
        void aNoShowIsRatedByTheClientAlone() {
            status = JobStatus.NO_SHOW;
            finishedBeforeOpenings = opened();
            fixture.givenNoPriorActivity()
                   .when(rate(WORKER_ID, 1, day(1)))
                   .expectNoEvents().expectException(refusedWith(RatingErrorCode.NO_SHOW_RATED_BY_CLIENT_ONLY));
            fixture.givenNoPriorActivity()
                   .when(rate(CLIENT_ID, 1, day(1)))
                   .expectEvents(opened(), byClient(1, day(1)),
                           new RatingsRevealed(RATINGS_ID, JobId.of(JOB_ID), List.of(shown(byClient(1, day(1)))), day(1)));
        }
    }
}
