package dev.gigstream.command.worker;

import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.worker.AvailabilityWindow;
import dev.gigstream.messages.worker.AwardBadge;
import dev.gigstream.messages.worker.Badge;
import dev.gigstream.messages.worker.BadgeAwarded;
import dev.gigstream.messages.worker.ExtendPremium;
import dev.gigstream.messages.worker.PremiumEnded;
import dev.gigstream.messages.worker.PremiumExtended;
import dev.gigstream.messages.worker.PremiumRenewalStopped;
import dev.gigstream.messages.worker.PremiumRequested;
import dev.gigstream.messages.worker.PremiumStarted;
import dev.gigstream.messages.worker.RecordWorkerOnline;
import dev.gigstream.messages.worker.RegisterWorker;
import dev.gigstream.messages.worker.ClearPhoneVerification;
import dev.gigstream.messages.worker.RecordPhoneVerified;
import dev.gigstream.messages.worker.ReinstateWorker;
import dev.gigstream.messages.worker.WorkerPhoneVerificationCleared;
import dev.gigstream.messages.worker.WorkerPhoneVerified;
import dev.gigstream.messages.worker.RequestPremium;
import dev.gigstream.messages.worker.StopPremiumRenewal;
import dev.gigstream.messages.worker.SuspendWorker;
import dev.gigstream.messages.worker.WorkerErrorCode;
import dev.gigstream.messages.worker.WorkerRegistered;
import dev.gigstream.messages.worker.WorkerReinstated;
import dev.gigstream.messages.worker.WorkerSuspended;
import dev.gigstream.messages.worker.WorkerWentOnline;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static dev.gigstream.command.RefusalMatcher.refusedWith;
import static dev.gigstream.command.worker.WorkerMother.ADMIN_ID;
import static dev.gigstream.command.worker.WorkerMother.MONDAY_DAY;
import static dev.gigstream.command.worker.WorkerMother.WORKER_ID;
import static dev.gigstream.command.worker.WorkerMother.profileUpdate;
import static dev.gigstream.command.worker.WorkerMother.profileUpdated;
import static dev.gigstream.command.worker.WorkerMother.registered;

class WorkerTest {

    private static final Instant PERIOD_END = Instant.parse("2026-12-26T09:00:00Z");

    private FixtureConfiguration<Worker> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Worker.class);
    }

    @Test
    void theSameRegistrationSentAgainIsANoOp() {
        fixture.given(new WorkerRegistered(WorkerId.of(WORKER_ID), "Ada Obi"))
               .when(new RegisterWorker(WorkerId.of(WORKER_ID), "Ada Obi"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void anotherRegistrationUnderARegisteredWorkersIdIsRefused() {
        fixture.given(new WorkerRegistered(WorkerId.of(WORKER_ID), "Ada Obi"))
               .when(new RegisterWorker(WorkerId.of(WORKER_ID), "Someone Else"))
               .expectNoEvents()
               .expectException(refusedWith(WorkerErrorCode.WORKER_ID_TAKEN));
    }

    @Test
    void registeringAWorkerRecordsTheirName() {
        fixture.givenNoPriorActivity()
               .when(new RegisterWorker(WorkerId.of(WORKER_ID), "Ada Obi"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new WorkerRegistered(WorkerId.of(WORKER_ID), "Ada Obi"));
    }

    @Test
    void aProfileUpdateStoresSkillsInTheirNormalForm() {
        fixture.given(registered())
               .when(profileUpdate(List.of(" Barista", "BARISTA ", "Event  Staff")))
               .expectEvents(profileUpdated(List.of("barista", "event staff")));
    }

    @Test
    void repeatingTheCurrentProfileIsANoOp() {
        fixture.given(registered(), profileUpdated(List.of("barista")))
               .when(profileUpdate(List.of("Barista")))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aChangedProfileIsRecordedAgain() {
        fixture.given(registered(), profileUpdated(List.of("barista")))
               .when(profileUpdate(List.of("barista", "cashier")))
               .expectEvents(profileUpdated(List.of("barista", "cashier")));
    }

    @Test
    void cannotUpdateTheProfileOfAnUnknownWorker() {
        fixture.givenNoPriorActivity()
               .when(profileUpdate(List.of("barista")))
               .expectException(AggregateNotFoundException.class);
    }

    @Test
    void aProfileNeedsAtLeastOneSkill() {
        fixture.given(registered())
               .when(profileUpdate(Collections.emptyList()))
               .expectNoEvents()
               .expectException(RefusedException.class)
               .expectExceptionMessage("Worker " + WORKER_ID + " must list at least one skill");
        assertRefusal(profileUpdate(List.of()), WorkerErrorCode.NO_SKILLS);
    }

    @Test
    void aProfileListsAtMostThirtySkills() {
        List<String> skills = IntStream.rangeClosed(1, Worker.MAX_SKILLS + 1).mapToObj(i -> "skill " + i).toList();
        assertRefusal(profileUpdate(skills), WorkerErrorCode.TOO_MANY_SKILLS);
    }

    @Test
    void aSkillMustBeAWordNotPunctuation() {
        assertRefusal(profileUpdate(List.of("barista", "  ")), WorkerErrorCode.INVALID_SKILL);
        assertRefusal(profileUpdate(List.of("<script>")), WorkerErrorCode.INVALID_SKILL);
    }

    @Test
    void availabilityWindowsOfOneDayMustNotOverlap() {
        var overlapping = new AvailabilityWindow(DayOfWeek.MONDAY, LocalTime.of(17, 0), LocalTime.of(22, 0));
        assertRefusal(profileUpdate(List.of("barista"), List.of(MONDAY_DAY, overlapping)),
                WorkerErrorCode.OVERLAPPING_AVAILABILITY);
    }

    @Test
    void windowsOnDifferentDaysMayShareHours() {
        var tuesday = new AvailabilityWindow(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(18, 0));
        fixture.given(registered())
               .when(profileUpdate(List.of("barista"), List.of(MONDAY_DAY, tuesday)))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void aWeekHasAtMostTwentyEightAvailabilityWindows() {
        List<AvailabilityWindow> windows = IntStream.range(0, Worker.MAX_AVAILABILITY_WINDOWS + 1)
                .mapToObj(i -> new AvailabilityWindow(DayOfWeek.of(i % 7 + 1), LocalTime.of(i / 7, 0),
                        LocalTime.of(i / 7, 30)))
                .toList();
        assertRefusal(profileUpdate(List.of("barista"), windows), WorkerErrorCode.TOO_MANY_AVAILABILITY_WINDOWS);
    }

    @Test
    void anAdminSuspendsAndReinstatesAWorker() {
        fixture.given(registered())
               .when(new SuspendWorker(WorkerId.of(WORKER_ID), ADMIN_ID, "fake documents"))
               .expectEvents(new WorkerSuspended(WorkerId.of(WORKER_ID), "fake documents", ADMIN_ID));
        fixture.given(registered(), new WorkerSuspended(WorkerId.of(WORKER_ID), "fake documents", ADMIN_ID))
               .when(new ReinstateWorker(WorkerId.of(WORKER_ID), ADMIN_ID, "documents verified"))
               .expectEvents(new WorkerReinstated(WorkerId.of(WORKER_ID), "documents verified", ADMIN_ID));
    }

    @Test
    void suspendingASuspendedWorkerChangesNothing() {
        fixture.given(registered(), new WorkerSuspended(WorkerId.of(WORKER_ID), "fake documents", ADMIN_ID))
               .when(new SuspendWorker(WorkerId.of(WORKER_ID), ADMIN_ID, "again"))
               .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aPaidPeriodStartsPremiumUntilTheNextPaymentDateAndSchedulesItsEnd() {
        fixture.given(registered())
               .when(new ExtendPremium(WorkerId.of(WORKER_ID), PERIOD_END))
               .expectEvents(new PremiumStarted(WorkerId.of(WORKER_ID), PERIOD_END))
               .expectScheduledDeadlineWithName(PERIOD_END, Worker.PREMIUM_END);
    }

    @Test
    void aRenewalExtendsPremiumAndTheSamePeriodAgainChangesNothing() {
        Instant next = PERIOD_END.plus(Duration.ofDays(30));
        fixture.given(registered(), new PremiumStarted(WorkerId.of(WORKER_ID), PERIOD_END))
               .when(new ExtendPremium(WorkerId.of(WORKER_ID), next))
               .expectEvents(new PremiumExtended(WorkerId.of(WORKER_ID), next))
               .expectScheduledDeadlineWithName(next, Worker.PREMIUM_END);
        fixture.given(registered(), new PremiumStarted(WorkerId.of(WORKER_ID), PERIOD_END))
               .when(new ExtendPremium(WorkerId.of(WORKER_ID), PERIOD_END))
               .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void premiumEndsExactlyAtThePeriodEnd() {
        fixture.givenCommands(new RegisterWorker(WorkerId.of(WORKER_ID), "Ada Obi"), new ExtendPremium(WorkerId.of(WORKER_ID), PERIOD_END))
               .whenThenTimeAdvancesTo(PERIOD_END)
               .expectTriggeredDeadlinesWithName(Worker.PREMIUM_END)
               .expectEvents(new PremiumEnded(WorkerId.of(WORKER_ID), PERIOD_END));
    }

    @Test
    void theEndOfAnExtendedPeriodDoesNotEndPremium() {
        Instant next = PERIOD_END.plus(Duration.ofDays(30));
        fixture.givenCommands(new RegisterWorker(WorkerId.of(WORKER_ID), "Ada Obi"), new ExtendPremium(WorkerId.of(WORKER_ID), PERIOD_END),
                        new ExtendPremium(WorkerId.of(WORKER_ID), next))
               .whenThenTimeAdvancesTo(PERIOD_END)
               .expectTriggeredDeadlinesWithName(Worker.PREMIUM_END)
               .expectNoEvents();
    }

    @Test
    void aStoppedRenewalKeepsPremiumToThePeriodEndOnce() {
        fixture.given(registered(), new PremiumStarted(WorkerId.of(WORKER_ID), PERIOD_END))
               .when(new StopPremiumRenewal(WorkerId.of(WORKER_ID), "cancelled by the worker"))
               .expectEvents(new PremiumRenewalStopped(WorkerId.of(WORKER_ID), PERIOD_END, "cancelled by the worker"));
        fixture.given(registered(), new PremiumStarted(WorkerId.of(WORKER_ID), PERIOD_END),
                        new PremiumRenewalStopped(WorkerId.of(WORKER_ID), PERIOD_END, "cancelled by the worker"))
               .when(new StopPremiumRenewal(WorkerId.of(WORKER_ID), "subscription.disable"))
               .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(registered())
               .when(new StopPremiumRenewal(WorkerId.of(WORKER_ID), "subscription.disable"))
               .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aPremiumWorkerCannotSubscribeAgain() {
        fixture.given(registered())
               .when(new RequestPremium(WorkerId.of(WORKER_ID), "gs-prm-1"))
               .expectEvents(new PremiumRequested(WorkerId.of(WORKER_ID), "gs-prm-1"));
        fixture.given(registered(), new PremiumStarted(WorkerId.of(WORKER_ID), PERIOD_END))
               .when(new RequestPremium(WorkerId.of(WORKER_ID), "gs-prm-2"))
               .expectNoEvents().expectException(refusedWith(WorkerErrorCode.ALREADY_PREMIUM));
        fixture.given(registered(), new PremiumStarted(WorkerId.of(WORKER_ID), PERIOD_END), new PremiumEnded(WorkerId.of(WORKER_ID), PERIOD_END))
               .when(new RequestPremium(WorkerId.of(WORKER_ID), "gs-prm-3"))
               .expectEvents(new PremiumRequested(WorkerId.of(WORKER_ID), "gs-prm-3"));
    }

    @Test
    void aWorkerIsRecordedOnlineAtMostOncePerMinute() {
        Instant first = Instant.parse("2026-12-01T08:00:00Z");
        fixture.given(registered())
               .when(new RecordWorkerOnline(WorkerId.of(WORKER_ID), first))
               .expectEvents(new WorkerWentOnline(WorkerId.of(WORKER_ID), first));
        fixture.given(registered(), new WorkerWentOnline(WorkerId.of(WORKER_ID), first))
               .when(new RecordWorkerOnline(WorkerId.of(WORKER_ID), first.plusSeconds(59)))
               .expectNoEvents();
        fixture.given(registered(), new WorkerWentOnline(WorkerId.of(WORKER_ID), first))
               .when(new RecordWorkerOnline(WorkerId.of(WORKER_ID), first.plusSeconds(60)))
               .expectEvents(new WorkerWentOnline(WorkerId.of(WORKER_ID), first.plusSeconds(60)));
    }

    private void assertRefusal(Object command, WorkerErrorCode code) {
        fixture.given(registered())
               .when(command)
               .expectNoEvents()
               .expectException(refusedWith(code));
    }

    @Test
    void aBadgeIsAwardedOnceAndRefusedAfterwards() {
        Instant at = Instant.parse("2026-12-01T18:00:00Z");
        fixture.given(registered())
               .when(new AwardBadge(WorkerId.of(WORKER_ID), Badge.FIRST_SHIFT, at))
               .expectEvents(new BadgeAwarded(WorkerId.of(WORKER_ID), Badge.FIRST_SHIFT, at));
        fixture.given(registered(), new BadgeAwarded(WorkerId.of(WORKER_ID), Badge.FIRST_SHIFT, at))
               .when(new AwardBadge(WorkerId.of(WORKER_ID), Badge.FIRST_SHIFT, at.plusSeconds(60)))
               .expectNoEvents().expectException(refusedWith(WorkerErrorCode.BADGE_ALREADY_AWARDED));
        fixture.given(registered(), new BadgeAwarded(WorkerId.of(WORKER_ID), Badge.FIRST_SHIFT, at))
               .when(new AwardBadge(WorkerId.of(WORKER_ID), Badge.TEN_SHIFTS, at))
               .expectEvents(new BadgeAwarded(WorkerId.of(WORKER_ID), Badge.TEN_SHIFTS, at));
    }

    @Test
    void aVerifiedPhoneIsRecordedOnceAndSendingItAgainChangesNothing() {
        fixture.given(registered())
               .when(new RecordPhoneVerified(WorkerId.of(WORKER_ID)))
               .expectEvents(new WorkerPhoneVerified(WorkerId.of(WORKER_ID)));
        fixture.given(registered(), new WorkerPhoneVerified(WorkerId.of(WORKER_ID)))
               .when(new RecordPhoneVerified(WorkerId.of(WORKER_ID)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aVerificationIsClearedOnlyWhenThePhoneWasVerified() {
        fixture.given(registered(), new WorkerPhoneVerified(WorkerId.of(WORKER_ID)))
               .when(new ClearPhoneVerification(WorkerId.of(WORKER_ID)))
               .expectEvents(new WorkerPhoneVerificationCleared(WorkerId.of(WORKER_ID)));
        fixture.given(registered())
               .when(new ClearPhoneVerification(WorkerId.of(WORKER_ID)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
        fixture.given(registered(), new WorkerPhoneVerified(WorkerId.of(WORKER_ID)),
                      new WorkerPhoneVerificationCleared(WorkerId.of(WORKER_ID)))
               .when(new RecordPhoneVerified(WorkerId.of(WORKER_ID)))
               .expectEvents(new WorkerPhoneVerified(WorkerId.of(WORKER_ID)));
    }
}
