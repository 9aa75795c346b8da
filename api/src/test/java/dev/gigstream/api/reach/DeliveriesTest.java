package dev.gigstream.api.reach;

import dev.gigstream.api.testsupport.MigratedDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A send that finds its record in the state another send left it: nothing is sent again. */
class DeliveriesTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    private DeliveryRecords records;
    private Deliveries deliveries;

    @BeforeEach
    void setUp() {
        records = new DeliveryRecords(JdbcClient.create(MigratedDatabases.h2()));
        PushSender pushes = new PushSender() {
            @Override
            public String provider() {
                return "fcm";
            }

            @Override
            public SendResult send(Outgoing to, String token, NotificationTexts.Push push) {
                throw new AssertionError("nothing may be sent again");
            }
        };
        SmsSender texts = new SmsSender() {
            @Override
            public String provider() {
                return "termii";
            }

            @Override
            public SendResult send(Outgoing to, String e164, String text) {
                throw new AssertionError("nothing may be sent again");
            }
        };
        ProviderCircuit circuit = new ProviderCircuit("test", 3, Duration.ofSeconds(30), CLOCK);
        deliveries = new Deliveries(null, records, null, null, pushes, texts, circuit, circuit,
                new Deliveries.Retries(Duration.ofSeconds(10), 6), CLOCK, CLOCK);
    }

    @Test
    void aSendRevivedAfterACrashMidCallRecordsTheOutcomeUnknownAndSendsNothing() {
        records.insert("n-1", Channel.SMS, "ada", "job.match", DeliveryStatus.PENDING, null, T0);
        records.claim("n-1", Channel.SMS, T0); // the instance died while the provider had it

        assertThat(deliveries.send("ada", "n-1", Channel.SMS, (id, channel, user, at) -> {
            throw new AssertionError("nothing to queue");
        })).isInstanceOf(Deliveries.Next.Done.class);

        assertThat(records.find("n-1", Channel.SMS)).hasValueSatisfying(delivery -> {
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(delivery.reason()).isEqualTo(DeliveryReason.OUTCOME_UNKNOWN);
        });
    }

    @Test
    void aSendOfARecordAlreadySettledOrGoneDoesNothing() {
        records.insert("n-2", Channel.PUSH, "ada", "job.match", DeliveryStatus.PENDING, null, T0);
        records.claim("n-2", Channel.PUSH, T0);
        records.sent("n-2", Channel.PUSH, "fcm", "m-2", T0);

        assertThat(deliveries.send("ada", "n-2", Channel.PUSH, (id, channel, user, at) -> { }))
                .isInstanceOf(Deliveries.Next.Done.class);
        assertThat(deliveries.send("ada", "erased", Channel.PUSH, (id, channel, user, at) -> { }))
                .isInstanceOf(Deliveries.Next.Done.class);
        assertThat(records.find("n-2", Channel.PUSH)).hasValueSatisfying(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT));
    }
}
