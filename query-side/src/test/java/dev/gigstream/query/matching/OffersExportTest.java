package dev.gigstream.query.matching;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.export.FindPersonalData;
import dev.gigstream.query.testsupport.MongoBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OffersExportTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void everyOfferStillHeldInTheWorkersQueueLapsedOnesToo(MongoBackend backend) {
        var queues = new MongoOfferQueues(backend.freshDatabase());
        var export = new OffersExport(queues);
        Money pay = Money.of(1_000_000, Currency.NGN);
        queues.add(new QueuedOffer("job-1", "worker-1", 2, "Barista", pay, 1.5, T0.plusSeconds(600)));
        queues.add(new QueuedOffer("job-2", "worker-1", 1, null, null, null, T0.minusSeconds(600)));
        queues.add(new QueuedOffer("job-1", "worker-2", 1, "Barista", pay, 0.5, T0.plusSeconds(600)));

        assertThat(export.handle(new FindPersonalData("worker-1")).items()).containsExactly(
                new FindPersonalData.Offers.Offer("job-2", 1, null, T0.minusSeconds(600)),
                new FindPersonalData.Offers.Offer("job-1", 2, "Barista", T0.plusSeconds(600)));
        assertThat(export.handle(new FindPersonalData("client-1")).items()).isEmpty();
    }
}
