package dev.gigstream.api.reach;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The deliveries by push and SMS created since {@code since} (the last 24 hours), by status;
 * {@code failureRate} is the failed among those the provider was asked for (sent, delivered or failed),
 * 0 when there were none. PENDING and SENDING ones are not counted yet.
 */
@Schema(name = "DeliveryStatsSummary")
public record DeliveryStats(Instant since, Counts push, Counts sms) {

    public static final Duration WINDOW = Duration.ofHours(24);

    @Schema(name = "ChannelDeliverySummary")
    public record Counts(long sent, long delivered, long failed, long skipped, double failureRate) {
    }

    public static DeliveryStats of(DeliveryRecords records, Instant now) {
        Instant since = now.minus(WINDOW);
        List<DeliveryRecords.Count> counts = records.countsSince(since);
        return new DeliveryStats(since, counts(counts, Channel.PUSH), counts(counts, Channel.SMS));
    }

    private static Counts counts(List<DeliveryRecords.Count> counts, Channel channel) {
        long sent = count(counts, channel, DeliveryStatus.SENT);
        long delivered = count(counts, channel, DeliveryStatus.DELIVERED);
        long failed = count(counts, channel, DeliveryStatus.FAILED);
        long asked = sent + delivered + failed;
        return new Counts(sent, delivered, failed, count(counts, channel, DeliveryStatus.SKIPPED),
                asked == 0 ? 0 : (double) failed / asked);
    }

    private static long count(List<DeliveryRecords.Count> counts, Channel channel, DeliveryStatus status) {
        return counts.stream().filter(c -> c.channel() == channel && c.status() == status)
                .mapToLong(DeliveryRecords.Count::count).sum();
    }
}
