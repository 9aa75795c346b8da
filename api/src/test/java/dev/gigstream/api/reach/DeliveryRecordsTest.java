package dev.gigstream.api.reach;

import dev.gigstream.api.testsupport.MigratedDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery records' statements on the embedded profile's database (H2), DeliveryRecordsPostgresIT on PostgreSQL:
 * inserted once, claimed by one send, settled once, reported once, counted, read and erased.
 */
class DeliveryRecordsTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private DeliveryRecords records;

    DataSource migratedDatabase() {
        return MigratedDatabases.h2();
    }

    @BeforeEach
    void setUp() {
        records = new DeliveryRecords(JdbcClient.create(migratedDatabase()));
    }

    @Test
    void aRecordIsInsertedOnceClaimedByOneSendAndSettledOnce() {
        assertThat(records.insert("n-1", Channel.SMS, "ada", "job.match", DeliveryStatus.PENDING, null, T0)).isTrue();
        assertThat(records.insert("n-1", Channel.SMS, "ada", "job.match", DeliveryStatus.PENDING, null, T0)).isFalse();

        assertThat(records.claim("n-1", Channel.SMS, T0)).isTrue();
        assertThat(records.claim("n-1", Channel.SMS, T0)).as("another send").isFalse();
        assertThat(records.release("n-1", Channel.SMS, T0)).isTrue();
        assertThat(records.claim("n-1", Channel.SMS, T0.plusSeconds(10))).isTrue();
        assertThat(records.sent("n-1", Channel.SMS, "termii", "m-1", T0.plusSeconds(11))).isTrue();
        assertThat(records.failed("n-1", Channel.SMS, "termii", DeliveryReason.OUTCOME_UNKNOWN, T0)).as("settled").isFalse();

        assertThat(records.knows("termii", "m-1")).isTrue();
        assertThat(records.reported("termii", "m-1", true, DeliveryReason.PROVIDER_REJECTED, T0.plusSeconds(20))).isTrue();
        assertThat(records.reported("termii", "m-1", false, DeliveryReason.PROVIDER_REJECTED, T0.plusSeconds(30))).isFalse();
        assertThat(records.find("n-1", Channel.SMS)).hasValueSatisfying(delivery -> {
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(delivery.attempts()).isEqualTo(2);
            assertThat(delivery.updatedAt()).isEqualTo(T0.plusSeconds(20));
        });
    }

    @Test
    void theUsersDeliveriesAreReadByPageCountedAndErased() {
        records.insert("n-1", Channel.PUSH, "ada", "job.match", DeliveryStatus.SKIPPED, DeliveryReason.NO_DEVICE, T0);
        records.insert("n-1", Channel.SMS, "ada", "job.match", DeliveryStatus.PENDING, null, T0);
        records.insert("n-2", Channel.PUSH, "ada", "worker.hired", DeliveryStatus.PENDING, null, T0);
        records.claim("n-2", Channel.PUSH, T0);
        records.failed("n-2", Channel.PUSH, "fcm", DeliveryReason.DEVICE_GONE, T0);
        records.insert("n-3", Channel.PUSH, "kofi", "badge.awarded", DeliveryStatus.SKIPPED, DeliveryReason.QUIET_HOURS, T0);

        var page = records.viewsOf("ada", List.of("n-1", "n-2", "n-3"));
        assertThat(page.keySet()).as("only the user's").containsExactlyInAnyOrder("n-1", "n-2");
        assertThat(page.get("n-1")).extracting(DeliveryView::channel).containsExactly(Channel.PUSH, Channel.SMS);
        assertThat(page.get("n-2")).singleElement().satisfies(view -> assertThat(view.reason()).isEqualTo(DeliveryReason.DEVICE_GONE));

        var stats = DeliveryStats.of(records, T0.plusSeconds(60));
        assertThat(stats.push()).isEqualTo(new DeliveryStats.Counts(0, 0, 1, 2, 1.0));
        assertThat(stats.sms()).isEqualTo(new DeliveryStats.Counts(0, 0, 0, 0, 0));
        assertThat(DeliveryStats.of(records, T0.plus(DeliveryStats.WINDOW).plusSeconds(1)).push().skipped()).isZero();

        assertThat(records.deleteOf("ada")).isEqualTo(3);
        assertThat(records.of("ada")).isEmpty();
        assertThat(records.of("kofi")).hasSize(1);
    }

    @Test
    void theRetentionSweepDeletesRecordsCreatedBeforeTheCutoffABatchAtATime() {
        for (int n = 0; n < 3; n++) {
            records.insert("old-" + n, Channel.SMS, "ada", "job.match", DeliveryStatus.SENT, null, T0.minus(Duration.ofDays(181)));
        }
        records.insert("new", Channel.SMS, "ada", "job.match", DeliveryStatus.SENT, null, T0);
        Instant cutoff = T0.minus(Duration.ofDays(180));

        assertThat(records.deleteBatchBefore(cutoff, 2)).isEqualTo(2);
        assertThat(records.deleteBatchBefore(cutoff, 2)).isEqualTo(1);
        assertThat(records.deleteBatchBefore(cutoff, 2)).isZero();
        assertThat(records.of("ada")).extracting(DeliveryRecords.Delivery::notificationId).containsExactly("new");
    }
}
