package dev.gigstream.command.job;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.job.ApplicationWithdrawn;
import dev.gigstream.messages.job.ApplyToJob;
import dev.gigstream.messages.job.CancelJob;
import dev.gigstream.messages.job.ExpireJob;
import dev.gigstream.messages.job.HireWorker;
import dev.gigstream.messages.job.JobCancelled;
import dev.gigstream.messages.job.JobErrorCode;
import dev.gigstream.messages.job.JobExpired;
import dev.gigstream.messages.job.JobLimits;
import dev.gigstream.messages.job.PostJob;
import dev.gigstream.messages.job.WithdrawApplication;
import dev.gigstream.messages.job.WorkerApplied;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.messages.worker.ApplicantStanding;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.gigstream.command.RefusalMatcher.refusedWith;
import static dev.gigstream.command.job.JobMother.CLIENT_ID;
import static dev.gigstream.command.job.JobMother.ESCROW_ID;
import static dev.gigstream.command.job.JobMother.NO_MONEY;
import static dev.gigstream.command.job.JobMother.JOB_ID;
import static dev.gigstream.command.job.JobMother.LEAD_TIME;
import static dev.gigstream.command.job.JobMother.LEKKI;
import static dev.gigstream.command.job.JobMother.OTHER_CLIENT_ID;
import static dev.gigstream.command.job.JobMother.OTHER_WORKER_ID;
import static dev.gigstream.command.job.JobMother.PAY;
import static dev.gigstream.command.job.JobMother.WORKER_ID;
import static dev.gigstream.command.job.JobMother.applied;
import static dev.gigstream.command.job.JobMother.post;
import static dev.gigstream.command.job.JobMother.posted;
import static dev.gigstream.command.job.JobMother.shiftFrom;

class JobTest {

    private AggregateTestFixture<Job> fixture;
    private final Map<String, ApplicantStanding> standings = new HashMap<>();
    private final Set<String> suspendedClients = new HashSet<>();
    private Instant now;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Job.class);
        fixture.registerInjectableResource((WorkerStandings) id -> standings.getOrDefault(id.value(), ApplicantStanding.unknown()));
        fixture.registerInjectableResource(new CancellationPolicy(CancellationPolicy.DEFAULT_LATE_SHARE_BASIS_POINTS));
        fixture.registerInjectableResource((ClientStandings) suspendedClients::contains);
        standings.put(WORKER_ID, new ApplicantStanding(true, false));
        standings.put(OTHER_WORKER_ID, new ApplicantStanding(true, false));
        now = fixture.currentTime();
    }

    @Nested
    class Posting {

        @Test
        void aPostedJobIsOpenWithItsSkillsNormalizedAndSchedulesNoDeadlineOfItsOwn() {
            fixture.givenNoPriorActivity()
                   .when(post(now))
                   .expectEvents(posted(now))
                   .expectNoScheduledDeadlines();
        }

        @Test
        void theSamePostingSentAgainIsANoOpWhateverBecameOfTheJob() {
            var again = new PostJob(JobId.of(JOB_ID), CLIENT_ID, "Barista for a launch party", "Espresso bar, 200 guests",
                    List.of("barista", "Customer service "), LEKKI, shiftFrom(now), PAY, now.plus(LEAD_TIME).plusSeconds(1));
            suspendedClients.add(CLIENT_ID);
            fixture.given(posted(now))
                   .when(again)
                   .expectSuccessfulHandlerExecution().expectNoEvents().expectNoScheduledDeadlines();
        }

        @Test
        void anotherPostingUnderAPostedJobsIdIsRefused() {
            fixture.given(posted(now))
                   .when(new PostJob(JobId.of(JOB_ID), OTHER_CLIENT_ID, "Barista for a launch party", "Espresso bar, 200 guests",
                           List.of("barista", "customer service"), LEKKI, shiftFrom(now), PAY, now))
                   .expectNoEvents().expectException(refusedWith(JobErrorCode.JOB_ID_TAKEN));
            fixture.given(posted(now))
                   .when(new PostJob(JobId.of(JOB_ID), CLIENT_ID, "Barista for a launch party", "Espresso bar, 200 guests",
                           List.of("barista", "customer service"), LEKKI, shiftFrom(now), PAY.plus(PAY), now))
                   .expectNoEvents().expectException(refusedWith(JobErrorCode.JOB_ID_TAKEN));
            fixture.given(posted(now))
                   .when(new PostJob(JobId.of(JOB_ID), CLIENT_ID, "Cook", "Espresso bar, 200 guests",
                           List.of("barista", "customer service"), LEKKI, shiftFrom(now), PAY, now))
                   .expectNoEvents().expectException(refusedWith(JobErrorCode.JOB_ID_TAKEN));
        }

        @Test
        void aShiftMustStartInTheFuture() {
            var startsNow = new PostJob(JobId.of(JOB_ID), CLIENT_ID, "Cook", "", List.of("cook"), LEKKI,
                    new ShiftWindow(now, now.plus(Duration.ofHours(4))), PAY, now);
            fixture.givenNoPriorActivity().when(startsNow)
                   .expectNoEvents().expectException(refusedWith(JobErrorCode.SHIFT_IN_THE_PAST));
        }

        @Test
        void aShiftLastsAtMostADay() {
            var start = now.plus(LEAD_TIME);
            var tooLong = new PostJob(JobId.of(JOB_ID), CLIENT_ID, "Cook", "", List.of("cook"), LEKKI,
                    new ShiftWindow(start, start.plus(Duration.ofHours(25))), PAY, now);
            fixture.givenNoPriorActivity().when(tooLong)
                   .expectNoEvents().expectException(refusedWith(JobErrorCode.INVALID_SHIFT));
        }

        @Test
        void aSuspendedClientCannotPost() {
            suspendedClients.add(CLIENT_ID);
            fixture.givenNoPriorActivity().when(post(now))
                   .expectNoEvents().expectException(refusedWith(JobErrorCode.CLIENT_SUSPENDED));
        }

        @Test
        void aShiftStartsAtMostAYearAhead() {
            var start = now.plus(Duration.ofDays(JobLimits.HORIZON_DAYS + 1));
            var tooFar = new PostJob(JobId.of(JOB_ID), CLIENT_ID, "Cook", "", List.of("cook"), LEKKI,
                    new ShiftWindow(start, start.plus(Duration.ofHours(4))), PAY, now);
            fixture.givenNoPriorActivity().when(tooFar)
                   .expectNoEvents().expectException(refusedWith(JobErrorCode.INVALID_SHIFT));
        }

        @Test
        void thePayIsBoundedSoThatNoLaterArithmeticCanOverflow() {
            for (long amount : new long[]{JobLimits.MAX_PAY + 1, Long.MAX_VALUE}) {
                var huge = new PostJob(JobId.of(JOB_ID), CLIENT_ID, "Cook", "", List.of("cook"), LEKKI, shiftFrom(now),
                        Money.of(amount, Currency.NGN), now);
                fixture.givenNoPriorActivity().when(huge)
                       .expectNoEvents().expectException(refusedWith(JobErrorCode.INVALID_PAY));
            }
        }

        @Test
        void thePayMustBeMoreThanZero() {
            for (long amount : new long[]{0, -100}) {
                var unpaid = new PostJob(JobId.of(JOB_ID), CLIENT_ID, "Cook", "", List.of("cook"), LEKKI, shiftFrom(now),
                        Money.of(amount, Currency.GHS), now);
                fixture.givenNoPriorActivity().when(unpaid)
                       .expectNoEvents().expectException(refusedWith(JobErrorCode.INVALID_PAY));
            }
        }

        @Test
        void aJobRequiresBetweenOneAndTenValidSkills() {
            var none = new PostJob(JobId.of(JOB_ID), CLIENT_ID, "Cook", "", List.of(), LEKKI, shiftFrom(now), PAY, now);
            fixture.givenNoPriorActivity().when(none)
                   .expectNoEvents().expectException(refusedWith(JobErrorCode.NO_REQUIRED_SKILLS));
            var invalid = new PostJob(JobId.of(JOB_ID), CLIENT_ID, "Cook", "", List.of("cook", "!!"), LEKKI, shiftFrom(now), PAY, now);
            fixture.givenNoPriorActivity().when(invalid)
                   .expectNoEvents().expectException(refusedWith(JobErrorCode.INVALID_SKILL));
        }
    }

    @Nested
    class Applying {

        @Test
        void aWorkerWithAProfileAppliesToAnOpenJob() {
            fixture.given(posted(now))
                   .when(new ApplyToJob(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), "Available", now))
                   .expectEvents(new WorkerApplied(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), "Available", now));
        }

        @Test
        void aWorkerAppliesOnlyOnce() {
            fixture.given(posted(now), applied(WORKER_ID, now))
                   .when(new ApplyToJob(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), "again", now))
                   .expectNoEvents().expectException(refusedWith(JobErrorCode.ALREADY_APPLIED));
        }

        @Test
        void aWorkerWhoWithdrewMayApplyAgain() {
            fixture.given(posted(now), applied(WORKER_ID, now), new ApplicationWithdrawn(JobId.of(JOB_ID), WorkerId.of(WORKER_ID)))
                   .when(new ApplyToJob(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), null, now))
                   .expectEvents(new WorkerApplied(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), null, now));
        }

        @Test
        void onlyOpenJobsTakeApplications() {
            fixture.given(posted(now), applied(OTHER_WORKER_ID, now), new WorkerHired(JobId.of(JOB_ID), WorkerId.of(OTHER_WORKER_ID), CLIENT_ID, PAY, EscrowId.of(ESCROW_ID), now.plus(LEAD_TIME)))
                   .when(new ApplyToJob(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), null, now))
                   .expectNoEvents().expectException(refusedWith(JobErrorCode.JOB_NOT_OPEN));
            fixture.given(posted(now), new JobCancelled(JobId.of(JOB_ID), CLIENT_ID, "venue closed", null, NO_MONEY))
                   .when(new ApplyToJob(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), null, now))
                   .expectNoEvents().expectException(refusedWith(JobErrorCode.JOB_NOT_OPEN));
        }

        @Test
        void nobodyAppliesOnceTheShiftHasStarted() {
            fixture.given(posted(now))
                   .when(new ApplyToJob(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), null, now.plus(LEAD_TIME)))
                   .expectNoEvents().expectException(refusedWith(JobErrorCode.SHIFT_ALREADY_STARTED));
        }

        @Test
        void aWorkerWithoutAProfileCannotApply() {
            standings.put(WORKER_ID, new ApplicantStanding(false, false));
            fixture.given(posted(now))
                   .when(new ApplyToJob(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), null, now))
                   .expectNoEvents().expectException(refusedWith(JobErrorCode.WORKER_HAS_NO_PROFILE));
            fixture.given(posted(now))
                   .when(new ApplyToJob(JobId.of(JOB_ID), WorkerId.of("not-a-worker"), null, now))
                   .expectNoEvents().expectException(refusedWith(JobErrorCode.WORKER_HAS_NO_PROFILE));
        }

        @Test
        void aSuspendedWorkerCannotApply() {
            standings.put(WORKER_ID, new ApplicantStanding(true, true));
            fixture.given(posted(now))
                   .when(new ApplyToJob(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), null, now))
                   .expectNoEvents().expectException(refusedWith(JobErrorCode.WORKER_SUSPENDED));
        }
    }

    @Nested
    class Withdrawing {

        @Test
        void anApplicantWithdraws() {
            fixture.given(posted(now), applied(WORKER_ID, now))
                   .when(new WithdrawApplication(JobId.of(JOB_ID), WorkerId.of(WORKER_ID)))
                   .expectEvents(new ApplicationWithdrawn(JobId.of(JOB_ID), WorkerId.of(WORKER_ID)));
        }

        @Test
        void onlyAnApplicantCanWithdraw() {
            fixture.given(posted(now))
                   .when(new WithdrawApplication(JobId.of(JOB_ID), WorkerId.of(WORKER_ID)))
                   .expectNoEvents().expectException(refusedWith(JobErrorCode.NOT_AN_APPLICANT));
        }

        @Test
        void theHiredWorkerCannotWithdraw() {
            fixture.given(posted(now), applied(WORKER_ID, now), new WorkerHired(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), CLIENT_ID, PAY, EscrowId.of(ESCROW_ID), now.plus(LEAD_TIME)))
                   .when(new WithdrawApplication(JobId.of(JOB_ID), WorkerId.of(WORKER_ID)))
                   .expectNoEvents().expectException(refusedWith(JobErrorCode.HIRED_WORKER_CANNOT_WITHDRAW));
        }
    }

    @Nested
    class Hiring {

        @Test
        void theClientHiresAnApplicantAtTheJobsPay() {
            fixture.given(posted(now), applied(WORKER_ID, now))
                   .when(new HireWorker(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), CLIENT_ID, EscrowId.of(ESCROW_ID), now))
                   .expectEvents(new WorkerHired(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), CLIENT_ID, PAY, EscrowId.of(ESCROW_ID), now.plus(LEAD_TIME)))
                   .expectResultMessagePayload(ESCROW_ID);
        }

        @Test
        void onlyTheJobsClientHires() {
            fixture.given(posted(now), applied(WORKER_ID, now))
                   .when(new HireWorker(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), OTHER_CLIENT_ID, EscrowId.of(ESCROW_ID), now))
                   .expectNoEvents().expectException(refusedWith(JobErrorCode.NOT_THE_JOBS_CLIENT));
        }

        @Test
        void aSuspendedClientCannotHire() {
            suspendedClients.add(CLIENT_ID);
            fixture.given(posted(now), applied(WORKER_ID, now))
                   .when(new HireWorker(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), CLIENT_ID, EscrowId.of(ESCROW_ID), now))
                   .expectNoEvents().expectException(refusedWith(JobErrorCode.CLIENT_SUSPENDED));
        }

        @Test
        void onlyAnApplicantIsHired() {
            fixture.given(posted(now), applied(OTHER_WORKER_ID, now))
                   .when(new HireWorker(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), CLIENT_ID, EscrowId.of(ESCROW_ID), now))
                   .expectNoEvents().expectException(refusedWith(JobErrorCode.NOT_AN_APPLICANT));
        }

        /** Jobs expire through a periodic sweep: until it runs, the job itself refuses a hire once its shift started. */
        @Test
        void noOneIsHiredOnceTheShiftStarted() {
            fixture.given(posted(now), applied(WORKER_ID, now))
                   .when(new HireWorker(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), CLIENT_ID, EscrowId.of(ESCROW_ID), now.plus(LEAD_TIME)))
                   .expectNoEvents().expectException(refusedWith(JobErrorCode.SHIFT_ALREADY_STARTED));
        }

        @Test
        void aJobHiresOneWorker() {
            fixture.given(posted(now), applied(WORKER_ID, now), applied(OTHER_WORKER_ID, now),
                          new WorkerHired(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), CLIENT_ID, PAY, EscrowId.of(ESCROW_ID), now.plus(LEAD_TIME)))
                   .when(new HireWorker(JobId.of(JOB_ID), WorkerId.of(OTHER_WORKER_ID), CLIENT_ID, EscrowId.of(ESCROW_ID), now))
                   .expectNoEvents().expectException(refusedWith(JobErrorCode.JOB_NOT_OPEN));
        }

        @Test
        void repeatingAHireChangesNothingAndAnswersTheFirstEscrow() {
            fixture.given(posted(now), applied(WORKER_ID, now), new WorkerHired(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), CLIENT_ID, PAY, EscrowId.of(ESCROW_ID), now.plus(LEAD_TIME)))
                   .when(new HireWorker(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), CLIENT_ID, EscrowId.of("another-escrow"), now))
                   .expectSuccessfulHandlerExecution().expectNoEvents()
                   .expectResultMessagePayload(ESCROW_ID);
        }
    }

    @Nested
    class Cancelling {

        @Test
        void theClientCancelsAnOpenJobWithAReason() {
            fixture.given(posted(now))
                   .when(new CancelJob(JobId.of(JOB_ID), CLIENT_ID, "venue closed", now))
                   .expectEvents(new JobCancelled(JobId.of(JOB_ID), CLIENT_ID, "venue closed", null, NO_MONEY));
        }

        @Test
        void onlyTheJobsClientCancels() {
            fixture.given(posted(now))
                   .when(new CancelJob(JobId.of(JOB_ID), OTHER_CLIENT_ID, "mine now", now))
                   .expectNoEvents().expectException(refusedWith(JobErrorCode.NOT_THE_JOBS_CLIENT));
        }

        @Test
        void cancellingTwiceChangesNothing() {
            fixture.given(posted(now), new JobCancelled(JobId.of(JOB_ID), CLIENT_ID, "venue closed", null, NO_MONEY))
                   .when(new CancelJob(JobId.of(JOB_ID), CLIENT_ID, "venue closed", now))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void anExpiredJobCannotBeCancelled() {
            fixture.given(posted(now), new JobExpired(JobId.of(JOB_ID)))
                   .when(new CancelJob(JobId.of(JOB_ID), CLIENT_ID, "too late", now))
                   .expectNoEvents().expectException(refusedWith(JobErrorCode.JOB_CANNOT_BE_CANCELLED));
        }
    }

    @Nested
    class Expiring {

        @Test
        void anOpenJobNobodyWasHiredForExpiresWhenTheSweepFindsItsShiftStarted() {
            fixture.given(posted(now))
                   .when(new ExpireJob(JobId.of(JOB_ID), now.plus(LEAD_TIME)))
                   .expectEvents(new JobExpired(JobId.of(JOB_ID)));
        }

        @Test
        void aJobWhoseShiftHasNotStartedDoesNotExpire() {
            fixture.given(posted(now))
                   .when(new ExpireJob(JobId.of(JOB_ID), now.plus(LEAD_TIME).minusSeconds(1)))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void aHiredJobDoesNotExpire() {
            fixture.givenCommands(post(now), new ApplyToJob(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), null, now),
                                  new HireWorker(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), CLIENT_ID, EscrowId.of(ESCROW_ID), now))
                   .when(new ExpireJob(JobId.of(JOB_ID), now.plus(LEAD_TIME)))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void aJobExpiresOnceHoweverOftenTheSweepSeesIt() {
            fixture.given(posted(now), new JobExpired(JobId.of(JOB_ID)))
                   .when(new ExpireJob(JobId.of(JOB_ID), now.plus(LEAD_TIME).plusSeconds(30)))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }
    }
}
