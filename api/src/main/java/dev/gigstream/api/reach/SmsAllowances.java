package dev.gigstream.api.reach;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The day's text messages, counted in {@code sms_usage} per UTC day: each person's cap and the platform's
 * budget. A reservation is a conditional increment ({@code used < cap}) of the person's row, then of the
 * platform's; a platform that refuses hands the person's back. Each increment is one statement, so
 * instances sharing the database never reserve past a cap together, on PostgreSQL as on H2 (the second of
 * two concurrent updates of a row waits for the first and sees its count). A day's row is inserted before
 * its first increment; an insert that lost the race to another instance's finds the row there.
 * <p>
 * A reservation commits at once, in a transaction of its own: a caller's transaction (a verification code's)
 * neither holds the platform's row while its text goes out nor is aborted by a lost insert race on PostgreSQL.
 */
final class SmsAllowances {

    static final String PLATFORM = "platform";
    private static final Logger log = LoggerFactory.getLogger(SmsAllowances.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int capPerUser;
    private final int dailyBudget;
    private final AtomicReference<LocalDate> budgetSpentOn = new AtomicReference<>();
    private final TransactionTemplate ownTransaction;

    SmsAllowances(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, int capPerUser, int dailyBudget) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.capPerUser = capPerUser;
        this.dailyBudget = dailyBudget;
    }

    /** One of {@code userId}'s text messages today, and one of the platform's. */
    Optional<DeliveryReason> reserve(String userId) {
        return ownTransaction.execute(status -> reserveNow(userId));
    }

    private Optional<DeliveryReason> reserveNow(String userId) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String person = "user:" + userId;
        if (!increment(today, person, capPerUser)) {
            return Optional.of(DeliveryReason.SMS_CAP);
        }
        if (!increment(today, PLATFORM, dailyBudget)) {
            jdbc.sql("UPDATE sms_usage SET used = used - 1 WHERE usage_day = :day AND scope = :scope AND used > 0")
                    .param("day", today).param("scope", person).update();
            if (!today.equals(budgetSpentOn.getAndSet(today))) {
                log.warn("The platform's daily budget of {} text messages is spent for {} (UTC): text messages fall back "
                        + "to push notifications and the inbox until midnight UTC (GIGSTREAM_SMS_DAILY_BUDGET)", dailyBudget, today);
            }
            return Optional.of(DeliveryReason.SMS_BUDGET);
        }
        return Optional.empty();
    }

    /** The allowance the policy reserves from when it chooses a text message for {@code userId}. */
    DeliveryPolicy.SmsAllowance forUser(String userId) {
        return () -> reserve(userId);
    }

    private boolean increment(LocalDate day, String scope, int cap) {
        if (cap <= 0) {
            return false;
        }
        int updated = jdbc.sql("UPDATE sms_usage SET used = used + 1 WHERE usage_day = :day AND scope = :scope AND used < :cap")
                .param("day", day).param("scope", scope).param("cap", cap).update();
        if (updated == 1) {
            return true;
        }
        // the day's first text for the scope: its row, unless another instance's is there (no error, so the
        // transaction goes on, and no second connection is taken while this one is held)
        jdbc.sql("INSERT INTO sms_usage (usage_day, scope, used) VALUES (:day, :scope, 0) ON CONFLICT DO NOTHING")
                .param("day", day).param("scope", scope).update();
        return jdbc.sql("UPDATE sms_usage SET used = used + 1 WHERE usage_day = :day AND scope = :scope AND used < :cap")
                .param("day", day).param("scope", scope).param("cap", cap).update() == 1;
    }
}
