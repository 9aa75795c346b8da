package dev.gigstream.query.compliance;

import dev.gigstream.messages.compliance.ComplianceFlagAcknowledged;
import dev.gigstream.messages.compliance.ComplianceFlagRaised;
import dev.gigstream.messages.compliance.ComplianceFlagView;
import dev.gigstream.messages.compliance.ComplianceRule;
import dev.gigstream.messages.compliance.FindComplianceFlags;
import dev.gigstream.query.testsupport.MongoBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admins' list of compliance flags: newest first, filtered by acknowledgement and rule, each flag once. */
class ComplianceFlagsProjectionTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    private static ComplianceFlagRaised raised(String flagId, ComplianceRule rule, Instant at) {
        return new ComplianceFlagRaised(flagId, rule, "user-" + flagId, List.of("event-" + flagId),
                Map.of("count", "2", "jobIds", "job-1,job-2"), at);
    }

    private static List<String> ids(List<ComplianceFlagView> flags) {
        return flags.stream().map(ComplianceFlagView::flagId).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void flagsAreListedNewestFirstWithTheirEvidenceAndDetails(MongoBackend backend) {
        var projection = new ComplianceFlagsProjection(backend.freshDatabase());
        projection.on(raised("flag-1", ComplianceRule.REPEATED_NO_SHOWS, T0), 0);
        projection.on(raised("flag-2", ComplianceRule.OFF_PLATFORM_CONTACT, T0.plusSeconds(60)), 0);
        projection.on(raised("flag-1", ComplianceRule.REPEATED_NO_SHOWS, T0), 0); // redelivered

        var flags = projection.handle(new FindComplianceFlags(null, null, 100)).items();

        assertThat(ids(flags)).containsExactly("flag-2", "flag-1");
        assertThat(flags.get(1)).isEqualTo(new ComplianceFlagView("flag-1", ComplianceRule.REPEATED_NO_SHOWS, "user-flag-1",
                List.of("event-flag-1"), Map.of("count", "2", "jobIds", "job-1,job-2"), T0, false, null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void anAcknowledgedFlagSaysWhoAcknowledgedItWhenAndWhy(MongoBackend backend) {
        var projection = new ComplianceFlagsProjection(backend.freshDatabase());
        projection.on(raised("flag-1", ComplianceRule.REPEATED_NO_SHOWS, T0), 0);
        projection.on(raised("flag-2", ComplianceRule.SHARED_PAYOUT_ACCOUNT, T0.plusSeconds(60)), 0);
        projection.on(new ComplianceFlagAcknowledged("flag-1", "admin-1", "spoke to the worker", T0.plusSeconds(120)), 1);

        assertThat(ids(projection.handle(new FindComplianceFlags(false, null, 100)).items())).containsExactly("flag-2");
        assertThat(projection.handle(new FindComplianceFlags(true, null, 100)).items()).singleElement().satisfies(flag -> {
            assertThat(flag.flagId()).isEqualTo("flag-1");
            assertThat(flag.acknowledged()).isTrue();
            assertThat(flag.acknowledgedBy()).isEqualTo("admin-1");
            assertThat(flag.acknowledgedAt()).isEqualTo(T0.plusSeconds(120));
            assertThat(flag.note()).isEqualTo("spoke to the worker");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void flagsAreFilteredByRuleAndLimited(MongoBackend backend) {
        var projection = new ComplianceFlagsProjection(backend.freshDatabase());
        for (int i = 1; i <= 5; i++) {
            projection.on(raised("flag-" + i, i % 2 == 0 ? ComplianceRule.FAR_CHECK_IN : ComplianceRule.IMPOSSIBLE_SPEED,
                    T0.plusSeconds(i)), 0);
        }

        assertThat(ids(projection.handle(new FindComplianceFlags(null, ComplianceRule.FAR_CHECK_IN, 100)).items()))
                .containsExactly("flag-4", "flag-2");
        assertThat(ids(projection.handle(new FindComplianceFlags(null, null, 2)).items())).containsExactly("flag-5", "flag-4");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aResetEmptiesTheListForTheReplayToRebuildIt(MongoBackend backend) {
        var projection = new ComplianceFlagsProjection(backend.freshDatabase());
        projection.on(raised("flag-1", ComplianceRule.REPEATED_NO_SHOWS, T0), 0);

        projection.reset();
        assertThat(projection.handle(new FindComplianceFlags(null, null, 100)).items()).isEmpty();

        projection.on(raised("flag-1", ComplianceRule.REPEATED_NO_SHOWS, T0), 0);
        assertThat(ids(projection.handle(new FindComplianceFlags(null, null, 100)).items())).containsExactly("flag-1");
    }
}
