package dev.gigstream.command.compliance;

import dev.gigstream.messages.compliance.AcknowledgeComplianceFlag;
import dev.gigstream.messages.compliance.ComplianceErrorCode;
import dev.gigstream.messages.compliance.ComplianceFlagAcknowledged;
import dev.gigstream.messages.compliance.ComplianceFlagIds;
import dev.gigstream.messages.compliance.ComplianceFlagRaised;
import dev.gigstream.messages.compliance.ComplianceRule;
import dev.gigstream.messages.compliance.RaiseComplianceFlag;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.gigstream.command.RefusalMatcher.refusedWith;

/** A compliance flag: raised once, whoever raises it again; acknowledged once by an admin. */
class ComplianceFlagTest {

    private static final String WORKER_ID = "3f0d6a52-6a0e-4a53-9d43-0b9a2f5d8c11";
    private static final String ADMIN_ID = "a0d1e2f3-0000-4000-8000-000000000001";
    private static final List<String> EVIDENCE = List.of("event-no-show-1", "event-no-show-2");
    private static final String FLAG_ID = ComplianceFlagIds.of(ComplianceRule.REPEATED_NO_SHOWS, WORKER_ID, EVIDENCE);
    private static final Map<String, String> DETAILS = Map.of("count", "2", "window", "P30D");
    private static final Instant RAISED_AT = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant LATER = RAISED_AT.plusSeconds(3_600);

    private AggregateTestFixture<ComplianceFlag> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ComplianceFlag.class);
    }

    private static RaiseComplianceFlag raise() {
        return new RaiseComplianceFlag(FLAG_ID, ComplianceRule.REPEATED_NO_SHOWS, WORKER_ID, EVIDENCE, DETAILS, RAISED_AT);
    }

    private static ComplianceFlagRaised raised() {
        return new ComplianceFlagRaised(FLAG_ID, ComplianceRule.REPEATED_NO_SHOWS, WORKER_ID, EVIDENCE, DETAILS, RAISED_AT);
    }

    @Nested
    class Raising {

        @Test
        void aFindingRaisesAFlagWithItsEvidence() {
            fixture.givenNoPriorActivity()
                   .when(raise())
                   .expectEvents(raised());
        }

        @Test
        void raisingTheSameFlagAgainChangesNothing() {
            fixture.given(raised())
                   .when(new RaiseComplianceFlag(FLAG_ID, ComplianceRule.REPEATED_NO_SHOWS, WORKER_ID, EVIDENCE, DETAILS, LATER))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void anAcknowledgedFlagIsNotRaisedAgainEither() {
            fixture.given(raised(), new ComplianceFlagAcknowledged(FLAG_ID, ADMIN_ID, "spoke to the worker", LATER))
                   .when(raise())
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void aFlagNeedsARuleASubjectAndItsEvidence() {
            for (RaiseComplianceFlag incomplete : List.of(
                    new RaiseComplianceFlag(FLAG_ID, null, WORKER_ID, EVIDENCE, DETAILS, RAISED_AT),
                    new RaiseComplianceFlag(FLAG_ID, ComplianceRule.REPEATED_NO_SHOWS, " ", EVIDENCE, DETAILS, RAISED_AT),
                    new RaiseComplianceFlag(FLAG_ID, ComplianceRule.REPEATED_NO_SHOWS, WORKER_ID, null, DETAILS, RAISED_AT),
                    new RaiseComplianceFlag(FLAG_ID, ComplianceRule.REPEATED_NO_SHOWS, WORKER_ID, Arrays.asList("e1", ""),
                            DETAILS, RAISED_AT),
                    new RaiseComplianceFlag(FLAG_ID, ComplianceRule.REPEATED_NO_SHOWS, WORKER_ID, EVIDENCE, DETAILS, null))) {
                fixture.givenNoPriorActivity()
                       .when(incomplete)
                       .expectNoEvents().expectException(refusedWith(ComplianceErrorCode.INVALID_FLAG));
            }
        }
    }

    @Nested
    class Acknowledging {

        @Test
        void anAdminAcknowledgesAFlagWithANote() {
            fixture.given(raised())
                   .when(new AcknowledgeComplianceFlag(FLAG_ID, ADMIN_ID, "  spoke to the worker ", LATER))
                   .expectEvents(new ComplianceFlagAcknowledged(FLAG_ID, ADMIN_ID, "spoke to the worker", LATER));
        }

        @Test
        void acknowledgingTwiceKeepsTheFirstAcknowledgement() {
            fixture.given(raised(), new ComplianceFlagAcknowledged(FLAG_ID, ADMIN_ID, "spoke to the worker", LATER))
                   .when(new AcknowledgeComplianceFlag(FLAG_ID, "another-admin", "me too", LATER.plusSeconds(60)))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }

        @Test
        void aFlagThatWasNeverRaisedIsNotFound() {
            fixture.givenNoPriorActivity()
                   .when(new AcknowledgeComplianceFlag(FLAG_ID, ADMIN_ID, "looked", LATER))
                   .expectNoEvents().expectException(refusedWith(ComplianceErrorCode.FLAG_NOT_FOUND));
        }

        @Test
        void theNoteIsOneToTwoThousandCharacters() {
            for (String note : new String[]{null, "  ", "x".repeat(2_001)}) {
                fixture.given(raised())
                       .when(new AcknowledgeComplianceFlag(FLAG_ID, ADMIN_ID, note, LATER))
                       .expectNoEvents().expectException(refusedWith(ComplianceErrorCode.INVALID_ACKNOWLEDGEMENT));
            }
            fixture.given(raised())
                   .when(new AcknowledgeComplianceFlag(FLAG_ID, ADMIN_ID, "x".repeat(2_000), LATER))
                   .expectSuccessfulHandlerExecution();
        }
    }
}
