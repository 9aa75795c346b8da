package dev.gigstream.api.reach;

import dev.gigstream.api.retention.Retained;
import dev.gigstream.api.retention.RetentionRule;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code notification_delivery}: one row per notification and channel, inserted once (its primary key),
 * moved from status to status by conditional updates, so that of two instances, or of a send and its
 * revival after a crash, only one moves it: a send claims its row PENDING → SENDING before it calls the
 * provider. Nothing personal is stored here. The retention sweep deletes the records past
 * {@link RetentionRule#DELIVERIES}.
 */
@Component
public class DeliveryRecords implements Retained {

    /** One row, as the API and the sends read it. */
    public record Delivery(String notificationId, Channel channel, String userId, String type, DeliveryStatus status,
                           String provider, String providerMessageId, DeliveryReason reason, int attempts,
                           Instant createdAt, Instant updatedAt) {
    }

    /** How many deliveries of a channel are in a status. */
    public record Count(Channel channel, DeliveryStatus status, long count) {
    }

    private static final String COLUMNS = "notification_id, channel, user_id, type, status, provider, provider_message_id, "
            + "reason, attempts, created_at, updated_at";

    private final JdbcClient jdbc;

    DeliveryRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the row unless one is there for the notification and channel; answers whether this call did. */
    boolean insert(String notificationId, Channel channel, String userId, String type, DeliveryStatus status,
                   DeliveryReason reason, Instant now) {
        try {
            jdbc.sql("INSERT INTO notification_delivery (" + COLUMNS + ") VALUES (:id, :channel, :user, :type, :status, "
                            + "NULL, NULL, :reason, 0, :now, :now)")
                    .param("id", notificationId).param("channel", channel.name()).param("user", userId).param("type", type)
                    .param("status", status.name()).param("reason", reason == null ? null : reason.name())
                    .param("now", utc(now))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<Delivery> find(String notificationId, Channel channel) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_delivery WHERE notification_id = :id AND channel = :channel")
                .param("id", notificationId).param("channel", channel.name())
                .query(DeliveryRecords::delivery).optional();
    }

    /** PENDING → SENDING, one more attempt; false when the row was not PENDING (another send has it, or had it). */
    boolean claim(String notificationId, Channel channel, Instant now) {
        return move(notificationId, channel, DeliveryStatus.PENDING, DeliveryStatus.SENDING, now, ", attempts = attempts + 1");
    }

    /** SENDING → PENDING: the provider asked to be tried again later. */
    boolean release(String notificationId, Channel channel, Instant now) {
        return move(notificationId, channel, DeliveryStatus.SENDING, DeliveryStatus.PENDING, now, "");
    }

    boolean sent(String notificationId, Channel channel, String provider, String providerMessageId, Instant now) {
        return jdbc.sql("UPDATE notification_delivery SET status = 'SENT', provider = :provider, provider_message_id = :message, "
                        + "updated_at = :now WHERE notification_id = :id AND channel = :channel AND status = 'SENDING'")
                .param("provider", provider).param("message", providerMessageId).param("now", utc(now))
                .param("id", notificationId).param("channel", channel.name())
                .update() == 1;
    }

    /** SENDING or PENDING (a send that waited past its last attempt) → FAILED with its reason. */
    boolean failed(String notificationId, Channel channel, String provider, DeliveryReason reason, Instant now) {
        return jdbc.sql("UPDATE notification_delivery SET status = 'FAILED', provider = COALESCE(:provider, provider), "
                        + "reason = :reason, updated_at = :now "
                        + "WHERE notification_id = :id AND channel = :channel AND status IN ('SENDING', 'PENDING')")
                .param("provider", provider).param("reason", reason.name()).param("now", utc(now))
                .param("id", notificationId).param("channel", channel.name())
                .update() == 1;
    }

    /**
     * A provider's delivery report: SENT → DELIVERED or FAILED ({@code reason} then), by the provider's
     * message id. A report heard again, or one for a message it already settled, changes nothing.
     */
    boolean reported(String provider, String providerMessageId, boolean delivered, DeliveryReason reason, Instant now) {
        return jdbc.sql("UPDATE notification_delivery SET status = :status, reason = :reason, updated_at = :now "
                        + "WHERE provider = :provider AND provider_message_id = :message AND status = 'SENT'")
                .param("status", delivered ? DeliveryStatus.DELIVERED.name() : DeliveryStatus.FAILED.name())
                .param("reason", delivered ? null : reason.name()).param("now", utc(now))
                .param("provider", provider).param("message", providerMessageId)
                .update() == 1;
    }

    /** Whether the provider sent a message of that id (a delivery report about anything else is refused). */
    boolean knows(String provider, String providerMessageId) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_delivery WHERE provider = :provider AND provider_message_id = :message")
                .param("provider", provider).param("message", providerMessageId).query(Long.class).single() > 0;
    }

    /** The deliveries of these notifications of the user's, by notification, in one query. */
    public Map<String, List<Delivery>> of(String userId, Collection<String> notificationIds) {
        Map<String, List<Delivery>> byNotification = new LinkedHashMap<>();
        if (notificationIds.isEmpty()) {
            return byNotification;
        }
        jdbc.sql("SELECT " + COLUMNS + " FROM notification_delivery WHERE user_id = :user AND notification_id IN (:ids) "
                        + "ORDER BY created_at, channel")
                .param("user", userId).param("ids", List.copyOf(notificationIds))
                .query(DeliveryRecords::delivery).list()
                .forEach(delivery -> byNotification.computeIfAbsent(delivery.notificationId(), id -> new ArrayList<>()).add(delivery));
        return byNotification;
    }

    /** The deliveries of a page of the user's notifications as the user sees them, in one query. */
    public Map<String, List<DeliveryView>> viewsOf(String userId, Collection<String> notificationIds) {
        Map<String, List<DeliveryView>> views = new LinkedHashMap<>();
        of(userId, notificationIds).forEach((id, deliveries) -> views.put(id, deliveries.stream().map(DeliveryView::of).toList()));
        return views;
    }

    /** Every delivery to the user, for their data export. */
    public List<Delivery> of(String userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_delivery WHERE user_id = :user ORDER BY created_at, channel")
                .param("user", userId).query(DeliveryRecords::delivery).list();
    }

    /** How many deliveries created since {@code since} are in each channel and status, in one grouped query. */
    public List<Count> countsSince(Instant since) {
        return jdbc.sql("SELECT channel, status, COUNT(*) AS n FROM notification_delivery WHERE created_at >= :since "
                        + "GROUP BY channel, status")
                .param("since", utc(since))
                .query((rs, row) -> new Count(Channel.valueOf(rs.getString("channel")),
                        DeliveryStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list();
    }

    /**
     * The retention sweep's ({@code gigstream.retention.deliveries}): deletes at most {@code batch} records created
     * before {@code cutoff}, and the daily text message counts of the days before it; answers how many records.
     */
    @Override
    public RetentionRule rule() {
        return RetentionRule.DELIVERIES;
    }

    @Override
    public long deleteBatchBefore(Instant cutoff, int batch) {
        jdbc.sql("DELETE FROM sms_usage WHERE usage_day < :day")
                .param("day", cutoff.atOffset(ZoneOffset.UTC).toLocalDate()).update();
        return jdbc.sql("DELETE FROM notification_delivery WHERE (notification_id, channel) IN (SELECT notification_id, "
                        + "channel FROM notification_delivery WHERE created_at < :cutoff ORDER BY created_at LIMIT :batch)")
                .param("cutoff", utc(cutoff)).param("batch", batch)
                .update();
    }

    /** Erasure: the person's deliveries go with them. */
    public int deleteOf(String userId) {
        return jdbc.sql("DELETE FROM notification_delivery WHERE user_id = :user").param("user", userId).update();
    }

    private boolean move(String notificationId, Channel channel, DeliveryStatus from, DeliveryStatus to, Instant now, String also) {
        return jdbc.sql("UPDATE notification_delivery SET status = :to, updated_at = :now" + also
                        + " WHERE notification_id = :id AND channel = :channel AND status = :from")
                .param("to", to.name()).param("now", utc(now)).param("id", notificationId)
                .param("channel", channel.name()).param("from", from.name())
                .update() == 1;
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("reason");
        return new Delivery(rs.getString("notification_id"), Channel.valueOf(rs.getString("channel")),
                rs.getString("user_id"), rs.getString("type"), DeliveryStatus.valueOf(rs.getString("status")),
                rs.getString("provider"), rs.getString("provider_message_id"),
                reason == null ? null : DeliveryReason.valueOf(reason), rs.getInt("attempts"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
