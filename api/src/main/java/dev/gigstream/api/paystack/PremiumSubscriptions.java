package dev.gigstream.api.paystack;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What we know of each premium subscription at Paystack: whose it is, the code and email token a
 * cancellation needs, its status and the end of the period paid for.
 */
@Component
class PremiumSubscriptions {

    record Subscription(String code, String workerId, String emailToken, String planCode, String status, Instant periodEnd) {

        boolean renews() {
            return "active".equals(status) || "attention".equals(status);
        }
    }

    private final JdbcClient jdbc;

    PremiumSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(Subscription subscription) {
        int updated = jdbc.sql("""
                UPDATE paystack_subscription SET worker_id = :worker, email_token = :token, plan_code = :plan,
                       status = :status, period_end = :end, updated_at = :now WHERE subscription_code = :code""")
                .params(params(subscription)).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO paystack_subscription (subscription_code, worker_id, email_token, plan_code, status, period_end, updated_at)
                    VALUES (:code, :worker, :token, :plan, :status, :end, :now)""")
                .params(params(subscription)).update();
        }
    }

    Optional<Subscription> byCode(String code) {
        return jdbc.sql("SELECT * FROM paystack_subscription WHERE subscription_code = :code").param("code", code)
                .query(PremiumSubscriptions::row).optional();
    }

    /**
     * The worker's subscription that still renews, if any. Read as a list: an unclosed query stream
     * would keep its pooled connection, and a few calls would leave none for anyone.
     */
    Optional<Subscription> renewingOf(String workerId) {
        return jdbc.sql("SELECT * FROM paystack_subscription WHERE worker_id = :worker ORDER BY updated_at DESC")
                .param("worker", workerId).query(PremiumSubscriptions::row).list().stream()
                .filter(Subscription::renews).findFirst();
    }

    /** Renewing subscriptions whose paid period ended before {@code before}: a renewal webhook may have been lost. */
    List<Subscription> lapsedBefore(Instant before, int limit) {
        return jdbc.sql("""
                SELECT * FROM paystack_subscription WHERE status IN ('active', 'attention') AND period_end < :before
                ORDER BY period_end LIMIT :limit""")
                .param("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC)).param("limit", limit)
                .query(PremiumSubscriptions::row).list();
    }

    private static Map<String, Object> params(Subscription subscription) {
        var params = new HashMap<String, Object>();
        params.put("code", subscription.code());
        params.put("worker", subscription.workerId());
        params.put("token", subscription.emailToken());
        params.put("plan", subscription.planCode());
        params.put("status", subscription.status());
        params.put("end", subscription.periodEnd() == null ? null : OffsetDateTime.ofInstant(subscription.periodEnd(), ZoneOffset.UTC));
        params.put("now", OffsetDateTime.now(ZoneOffset.UTC));
        return params;
    }

    private static Subscription row(ResultSet row, int number) throws SQLException {
        var end = row.getObject("period_end", OffsetDateTime.class);
        return new Subscription(row.getString("subscription_code"), row.getString("worker_id"), row.getString("email_token"),
                row.getString("plan_code"), row.getString("status"), end == null ? null : end.toInstant());
    }
}
