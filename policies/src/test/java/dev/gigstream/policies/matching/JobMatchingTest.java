package dev.gigstream.policies.matching;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.job.FindJob;
import dev.gigstream.messages.job.JobOfferWaveDue;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobSite;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.JobView;
import dev.gigstream.messages.job.OfferJob;
import dev.gigstream.query.ranking.WorkersToOfferQuery;
import dev.gigstream.query.rating.BayesianAverage;
import dev.gigstream.query.testsupport.MongoBackend;
import dev.gigstream.query.worker.WorkerProfileProjection;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.gigstream.query.testsupport.Geo.LAGOS_ISLAND;
import static dev.gigstream.query.testsupport.Geo.pointAt;
import static dev.gigstream.query.worker.Workers.premium;
import static dev.gigstream.query.worker.Workers.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The matching policy asks the Job to offer itself, wave by wave, to the best fitting workers it was not offered to;
 * who fits best it asks the read side ({@link WorkersToOfferQuery} on in-process MongoDB).
 */
class JobMatchingTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant NOW = T0.plusSeconds(5);
    private static final MatchingSettings TWO_WAVES_OF_TWO = new MatchingSettings(2, 2, Duration.ofMinutes(2), Duration.ofMinutes(15));

    private final Map<String, JobView> feed = new HashMap<>();
    private final RecordingOffers commands = new RecordingOffers();
    private WorkerProfileProjection profiles;

    @BeforeEach
    void workersAroundLagosIsland() {
        profiles = new WorkerProfileProjection(MongoBackend.inProcess().freshDatabase(), new BayesianAverage(5));
        register(profiles, "premium-far", pointAt(LAGOS_ISLAND, 0, 30), List.of("cook"), T0);
        premium(profiles, "premium-far", T0.plus(Duration.ofDays(30)));
        register(profiles, "online-now", pointAt(LAGOS_ISLAND, 0, 3), List.of("cook"), T0.plusSeconds(50));
        register(profiles, "online-before", pointAt(LAGOS_ISLAND, 0, 3), List.of("cook"), T0.plusSeconds(40));
        register(profiles, "online-long-ago", pointAt(LAGOS_ISLAND, 0, 3), List.of("cook"), T0);
        register(profiles, "not-a-cook", pointAt(LAGOS_ISLAND, 0, 3), List.of("driver"), T0.plusSeconds(60));
        register(profiles, "in-accra", pointAt(LAGOS_ISLAND, 270, 400), List.of("cook"), T0.plusSeconds(60));
    }

    private JobMatching matching(MatchingSettings settings) {
        SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
        queryBus.subscribe(FindJob.class.getName(), JobView.class,
                query -> feed.get(((FindJob) query.getPayload()).jobId()));
        new AnnotationQueryHandlerAdapter<>(new WorkersToOfferQuery(profiles)).subscribe(queryBus);
        return new JobMatching(DefaultQueryGateway.builder().queryBus(queryBus).build(), commands, settings,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private JobPosted posted(String jobId, String skill) {
        Instant start = T0.plus(Duration.ofDays(1));
        JobPosted posted = new JobPosted(JobId.of(jobId), "client-1", "Cook", "", List.of(skill), new JobSite(LAGOS_ISLAND, "Marina"),
                new ShiftWindow(start, start.plus(Duration.ofHours(6))), Money.of(900_000, Currency.NGN), T0);
        feed.put(jobId, new JobView(jobId, posted.clientId(), posted.title(), posted.description(), posted.requiredSkills(),
                posted.site(), posted.shift(), posted.pay(), JobStatus.OPEN, T0, null, null, List.of(), null, null, false, null));
        return posted;
    }

    @Test
    void aPostedJobIsOfferedAtOnceToTheBestFittingWorkersPremiumFirst() {
        matching(TWO_WAVES_OF_TWO).on(posted("job-1", "cook"));

        OfferJob wave = commands.sent().get(0);
        assertThat(wave.jobId()).isEqualTo(JobId.of("job-1"));
        assertThat(wave.wave()).isEqualTo(1);
        assertThat(wave.offers()).extracting(offer -> offer.workerId().value()).containsExactly("premium-far", "online-now");
        assertThat(wave.offers()).extracting(OfferJob.Offer::rank).containsExactly(1, 2);
        assertThat(wave.offers().get(0).distanceKm()).isCloseTo(30, within(0.01));
        assertThat(wave.offers()).extracting(OfferJob.Offer::expiresAt).containsOnly(NOW.plus(Duration.ofMinutes(15)));
        assertThat(wave.offeredAt()).isEqualTo(NOW);
        assertThat(wave.nextWaveAt()).as("the next wave after the delay").isEqualTo(NOW.plus(Duration.ofMinutes(2)));
    }

    @Test
    void theNextWaveGoesToTheNextBestWhoWereNotOfferedTheJobAndIsTheLast() {
        var matching = matching(TWO_WAVES_OF_TWO);
        posted("job-1", "cook");

        matching.on(new JobOfferWaveDue(JobId.of("job-1"), 2, List.of("premium-far", "online-now")));

        OfferJob wave = commands.sent().get(0);
        assertThat(wave.wave()).isEqualTo(2);
        assertThat(wave.offers()).extracting(offer -> offer.workerId().value()).containsExactly("online-before", "online-long-ago");
        assertThat(wave.offers()).extracting(OfferJob.Offer::rank).containsExactly(3, 4);
        assertThat(wave.nextWaveAt()).as("no wave after the last").isNull();
    }

    @Test
    void aJobNobodyFitsYetIsStillSentSoThatItsNextWaveComes() {
        matching(TWO_WAVES_OF_TWO).on(posted("job-1", "welder"));

        assertThat(commands.sent()).singleElement().satisfies(wave -> {
            assertThat(wave.offers()).isEmpty();
            assertThat(wave.nextWaveAt()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
        });
    }

    @Test
    void aWaveBeyondTheConfiguredOnesIsNotOffered() {
        posted("job-1", "cook");

        matching(new MatchingSettings(2, 1, Duration.ofMinutes(2), Duration.ofMinutes(15)))
                .on(new JobOfferWaveDue(JobId.of("job-1"), 2, List.of("premium-far", "online-now")));

        assertThat(commands.sent()).isEmpty();
    }
}
