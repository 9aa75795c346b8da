package dev.gigstream.command.dispute;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.dispute.AddEvidence;
import dev.gigstream.messages.dispute.DisputeErrorCode;
import dev.gigstream.messages.dispute.DisputeOutcome;
import dev.gigstream.messages.dispute.DisputeParty;
import dev.gigstream.messages.dispute.DisputeResolved;
import dev.gigstream.messages.dispute.DisputeWithdrawn;
import dev.gigstream.messages.dispute.ResolveDispute;
import dev.gigstream.messages.dispute.WithdrawDispute;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;

import static dev.gigstream.command.RefusalMatcher.refusedWith;
import static dev.gigstream.command.dispute.DisputeMother.ADMIN_ID;
import static dev.gigstream.command.dispute.DisputeMother.CLIENT_ID;
import static dev.gigstream.command.dispute.DisputeMother.DISPUTE_ID;
import static dev.gigstream.command.dispute.DisputeMother.ESCROW_ID;
import static dev.gigstream.command.dispute.DisputeMother.HELD;
import static dev.gigstream.command.dispute.DisputeMother.JOB_ID;
import static dev.gigstream.command.dispute.DisputeMother.OPENED_AT;
import static dev.gigstream.command.dispute.DisputeMother.PAY;
import static dev.gigstream.command.dispute.DisputeMother.STRANGER_ID;
import static dev.gigstream.command.dispute.DisputeMother.WORKER_ID;
import static dev.gigstream.command.dispute.DisputeMother.evidence;
import static dev.gigstream.command.dispute.DisputeMother.evidenceId;
import static dev.gigstream.command.dispute.DisputeMother.openedByClient;

class DisputeTest {

    private static final Instant LATER = OPENED_AT.plus(Duration.ofHours(5));
    private static final Money NOTHING = Money.zero(Currency.NGN);
    private static final String NEW_EVIDENCE = "evidence-new";

    private AggregateTestFixture<Dispute> fixture;
    private boolean chargebackOpen;

    /**
     * The opening, decided by the job, is specified in {@code JobDisputeTest}; the job learns of a withdrawal and a
     * decision from the lifecycle ({@code JobLifecycleSagaTest}).
     */
    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Dispute.class);
        fixture.registerInjectableResource(new EscrowHoldings() {
            @Override
            public Money held(EscrowId escrowId) {
                return HELD;
            }

            @Override
            public boolean chargebackOpen(EscrowId escrowId) {
                return chargebackOpen;
            }
        });
    }

    @Nested
    class Evidence {

        @Test
        void bothPartiesAddEvidence() {
            fixture.given(openedByClient())
                   .when(new AddEvidence(DisputeId.of(DISPUTE_ID), evidenceId(WORKER_ID, 10), WORKER_ID, "  photo of the empty bar ",
                           OPENED_AT.plus(Duration.ofMinutes(10))))
                   .expectEvents(evidence(WORKER_ID, DisputeParty.WORKER, 10));
            fixture.given(openedByClient())
                   .when(new AddEvidence(DisputeId.of(DISPUTE_ID), evidenceId(CLIENT_ID, 3), CLIENT_ID, "photo of the empty bar",
                           OPENED_AT.plus(Duration.ofMinutes(3))))
                   .expectEvents(evidence(CLIENT_ID, DisputeParty.CLIENT, 3));
        }

        @Test
        void theSamePieceSentAgainIsAddedOnceEvenOnceTheDisputeIsClosed() {
            fixture.given(openedByClient(), evidence(CLIENT_ID, DisputeParty.CLIENT, 3))
                   .when(new AddEvidence(DisputeId.of(DISPUTE_ID), evidenceId(CLIENT_ID, 3), CLIENT_ID, " photo of the empty bar", LATER))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(openedByClient(), evidence(CLIENT_ID, DisputeParty.CLIENT, 3),
                          resolved(DisputeOutcome.REFUND_TO_CLIENT, NOTHING, HELD))
                   .when(new AddEvidence(DisputeId.of(DISPUTE_ID), evidenceId(CLIENT_ID, 3), CLIENT_ID, "photo of the empty bar", LATER))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void anotherPieceUnderAnAddedPiecesIdIsRefused() {
            fixture.given(openedByClient(), evidence(CLIENT_ID, DisputeParty.CLIENT, 3))
                   .when(new AddEvidence(DisputeId.of(DISPUTE_ID), evidenceId(CLIENT_ID, 3), CLIENT_ID, "another photo", LATER))
                   .expectNoEvents().expectException(refusedWith(DisputeErrorCode.EVIDENCE_ID_TAKEN));
            fixture.given(openedByClient(), evidence(CLIENT_ID, DisputeParty.CLIENT, 3))
                   .when(new AddEvidence(DisputeId.of(DISPUTE_ID), evidenceId(CLIENT_ID, 3), WORKER_ID, "photo of the empty bar", LATER))
                   .expectNoEvents().expectException(refusedWith(DisputeErrorCode.EVIDENCE_ID_TAKEN));
        }

        @Test
        void strangersAddNoEvidence() {
            fixture.given(openedByClient())
                   .when(new AddEvidence(DisputeId.of(DISPUTE_ID), NEW_EVIDENCE, STRANGER_ID, "I saw it all", LATER))
                   .expectNoEvents().expectException(refusedWith(DisputeErrorCode.NOT_A_PARTY));
        }

        @Test
        void evidenceIsAnythingFromOneToFiveThousandCharacters() {
            fixture.given(openedByClient())
                   .when(new AddEvidence(DisputeId.of(DISPUTE_ID), NEW_EVIDENCE, CLIENT_ID, "", LATER))
                   .expectNoEvents().expectException(refusedWith(DisputeErrorCode.INVALID_EVIDENCE));
            fixture.given(openedByClient())
                   .when(new AddEvidence(DisputeId.of(DISPUTE_ID), NEW_EVIDENCE, CLIENT_ID, "x".repeat(5_001), LATER))
                   .expectNoEvents().expectException(refusedWith(DisputeErrorCode.INVALID_EVIDENCE));
        }

        @Test
        void eachPartyGivesAtMostTwentyPieces() {
            Object[] twenty = IntStream.range(0, 20).mapToObj(i -> evidence(CLIENT_ID, DisputeParty.CLIENT, i)).toArray();
            fixture.given(openedByClient()).andGiven(twenty)
                   .when(new AddEvidence(DisputeId.of(DISPUTE_ID), NEW_EVIDENCE, CLIENT_ID, "one more", LATER))
                   .expectNoEvents().expectException(refusedWith(DisputeErrorCode.TOO_MUCH_EVIDENCE));
            fixture.given(openedByClient()).andGiven(twenty)
                   .when(new AddEvidence(DisputeId.of(DISPUTE_ID), NEW_EVIDENCE, WORKER_ID, "my side", LATER))
                   .expectSuccessfulHandlerExecution();
        }

        @Test
        void noEvidenceAfterTheDisputeIsClosed() {
            fixture.given(openedByClient(), resolved(DisputeOutcome.REFUND_TO_CLIENT, NOTHING, HELD))
                   .when(new AddEvidence(DisputeId.of(DISPUTE_ID), NEW_EVIDENCE, WORKER_ID, "too late", LATER))
                   .expectNoEvents().expectException(refusedWith(DisputeErrorCode.DISPUTE_CLOSED));
            fixture.given(openedByClient(), new DisputeWithdrawn(DisputeId.of(DISPUTE_ID), JobId.of(JOB_ID), EscrowId.of(ESCROW_ID), CLIENT_ID, LATER))
                   .when(new AddEvidence(DisputeId.of(DISPUTE_ID), NEW_EVIDENCE, WORKER_ID, "too late", LATER))
                   .expectNoEvents().expectException(refusedWith(DisputeErrorCode.DISPUTE_CLOSED));
        }
    }

    @Nested
    class Withdrawing {

        @Test
        void theOpenerWithdrawsAndTheJobResumes() {
            fixture.given(openedByClient())
                   .when(new WithdrawDispute(DisputeId.of(DISPUTE_ID), CLIENT_ID, LATER))
                   .expectEvents(new DisputeWithdrawn(DisputeId.of(DISPUTE_ID), JobId.of(JOB_ID), EscrowId.of(ESCROW_ID), CLIENT_ID, LATER));
        }

        @Test
        void onlyTheOpenerWithdraws() {
            fixture.given(openedByClient())
                   .when(new WithdrawDispute(DisputeId.of(DISPUTE_ID), WORKER_ID, LATER))
                   .expectNoEvents().expectException(refusedWith(DisputeErrorCode.NOT_THE_OPENER));
            fixture.given(openedByClient())
                   .when(new WithdrawDispute(DisputeId.of(DISPUTE_ID), STRANGER_ID, LATER))
                   .expectNoEvents().expectException(refusedWith(DisputeErrorCode.NOT_A_PARTY));
        }

        @Test
        void withdrawingTwiceChangesNothingButAResolvedDisputeStaysResolved() {
            fixture.given(openedByClient(), new DisputeWithdrawn(DisputeId.of(DISPUTE_ID), JobId.of(JOB_ID), EscrowId.of(ESCROW_ID), CLIENT_ID, LATER))
                   .when(new WithdrawDispute(DisputeId.of(DISPUTE_ID), CLIENT_ID, LATER))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(openedByClient(), resolved(DisputeOutcome.REFUND_TO_CLIENT, NOTHING, HELD))
                   .when(new WithdrawDispute(DisputeId.of(DISPUTE_ID), CLIENT_ID, LATER))
                   .expectNoEvents().expectException(refusedWith(DisputeErrorCode.DISPUTE_CLOSED));
        }
    }

    @Nested
    class Resolving {

        @Test
        void releasingGivesTheWorkerThePayAndThePlatformItsFee() {
            fixture.given(openedByClient())
                   .when(new ResolveDispute(DisputeId.of(DISPUTE_ID), ADMIN_ID, DisputeOutcome.RELEASE_TO_WORKER, null, "work was done", LATER))
                   .expectEvents(resolved(DisputeOutcome.RELEASE_TO_WORKER, PAY, NOTHING));
        }

        @Test
        void refundingGivesTheClientEverythingTheEscrowHolds() {
            fixture.given(openedByClient())
                   .when(new ResolveDispute(DisputeId.of(DISPUTE_ID), ADMIN_ID, DisputeOutcome.REFUND_TO_CLIENT, null, "work was done", LATER))
                   .expectEvents(resolved(DisputeOutcome.REFUND_TO_CLIENT, NOTHING, HELD));
        }

        @Test
        void aSplitGivesTheWorkerTheShareAndTheClientTheRest() {
            Money share = Money.of(600_000, Currency.NGN);
            fixture.given(openedByClient())
                   .when(new ResolveDispute(DisputeId.of(DISPUTE_ID), ADMIN_ID, DisputeOutcome.SPLIT, share, "work was done", LATER))
                   .expectEvents(resolved(DisputeOutcome.SPLIT, share, Money.of(1_050_000, Currency.NGN)));
        }

        /** The card network may still take the money back: an admin decides once Paystack has. */
        @Test
        void noOutcomeIsDecidedWhileAChargebackOnTheEscrowsMoneyIsOpen() {
            chargebackOpen = true;
            for (DisputeOutcome outcome : DisputeOutcome.values()) {
                Money share = outcome == DisputeOutcome.SPLIT ? Money.of(600_000, Currency.NGN) : null;
                fixture.given(openedByClient())
                       .when(new ResolveDispute(DisputeId.of(DISPUTE_ID), ADMIN_ID, outcome, share, "work was done", LATER))
                       .expectNoEvents().expectException(refusedWith(DisputeErrorCode.CHARGEBACK_OPEN));
            }
        }

        @Test
        void aSplitShareIsStrictlyBetweenNothingAndThePayInItsCurrency() {
            for (Money share : new Money[]{NOTHING, PAY, Money.of(1_500_001, Currency.NGN), Money.of(-1, Currency.NGN),
                    Money.of(600_000, Currency.GHS), null}) {
                fixture.given(openedByClient())
                       .when(new ResolveDispute(DisputeId.of(DISPUTE_ID), ADMIN_ID, DisputeOutcome.SPLIT, share, "note", LATER))
                       .expectNoEvents().expectException(refusedWith(DisputeErrorCode.INVALID_WORKER_SHARE));
            }
            fixture.given(openedByClient())
                   .when(new ResolveDispute(DisputeId.of(DISPUTE_ID), ADMIN_ID, DisputeOutcome.RELEASE_TO_WORKER,
                           Money.of(600_000, Currency.NGN), "note", LATER))
                   .expectNoEvents().expectException(refusedWith(DisputeErrorCode.INVALID_WORKER_SHARE));
        }

        @Test
        void theSameDecisionTwiceIsANoOpAnotherOneIsRefused() {
            fixture.given(openedByClient(), resolved(DisputeOutcome.REFUND_TO_CLIENT, NOTHING, HELD))
                   .when(new ResolveDispute(DisputeId.of(DISPUTE_ID), ADMIN_ID, DisputeOutcome.REFUND_TO_CLIENT, null, "again", LATER))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(openedByClient(), resolved(DisputeOutcome.REFUND_TO_CLIENT, NOTHING, HELD))
                   .when(new ResolveDispute(DisputeId.of(DISPUTE_ID), ADMIN_ID, DisputeOutcome.RELEASE_TO_WORKER, null, "changed", LATER))
                   .expectNoEvents().expectException(refusedWith(DisputeErrorCode.DISPUTE_CLOSED));
        }

        @Test
        void aWithdrawnDisputeIsNotResolved() {
            fixture.given(openedByClient(), new DisputeWithdrawn(DisputeId.of(DISPUTE_ID), JobId.of(JOB_ID), EscrowId.of(ESCROW_ID), CLIENT_ID, LATER))
                   .when(new ResolveDispute(DisputeId.of(DISPUTE_ID), ADMIN_ID, DisputeOutcome.REFUND_TO_CLIENT, null, "note", LATER))
                   .expectNoEvents().expectException(refusedWith(DisputeErrorCode.DISPUTE_CLOSED));
        }
    }

    private static DisputeResolved resolved(DisputeOutcome outcome, Money workerShare, Money clientRefund) {
        return new DisputeResolved(DisputeId.of(DISPUTE_ID), JobId.of(JOB_ID), EscrowId.of(ESCROW_ID), CLIENT_ID, WorkerId.of(WORKER_ID), outcome, workerShare, clientRefund,
                "work was done", ADMIN_ID, LATER);
    }
}
