package dev.gigstream.api.reach;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;
import dev.gigstream.api.auth.Accounts;
import dev.gigstream.push.FcmClient;
import dev.gigstream.push.FcmSettings;
import dev.gigstream.query.notifications.NotificationInbox;
import dev.gigstream.query.notifications.NotificationSink;
import dev.gigstream.sms.TermiiClient;
import dev.gigstream.sms.TermiiSettings;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

/**
 * The deliveries beyond the inbox: the providers chosen by the settings, the daily SMS allowances, and two
 * db-scheduler tasks: {@value #PLAN_TASK} (one per notification: the policy applied, the records inserted)
 * and {@value #SEND_TASK} (one per record that goes out: {@code <notification id>/<channel>}).
 */
@Configuration(proxyBeanMethods = false)
class ReachConfiguration {

    static final String PLAN_TASK = "notification-delivery";
    static final String SEND_TASK = "notification-send";
    /**
     * A task whose notification this instance's inbox does not hold yet (with in-process read models each instance
     * has its own inbox, and one may lag the others by a minute under load), or whose database call failed, is
     * tried again after 1 s, then half as long again each time: 20 tries span about two hours, so a lagging inbox
     * never loses a delivery.
     */
    private static final Duration TRY_AGAIN_AFTER = Duration.ofSeconds(1);
    private static final double BACK_OFF = 1.5;
    private static final int TRIES = 20;

    /** db-scheduler keeps the system's time, whatever clock the application runs on. */
    private static final Clock SCHEDULER_TIME = Clock.systemUTC();

    @Bean
    SmsAllowances smsAllowances(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, ReachProperties properties) {
        return new SmsAllowances(jdbc, transactions, clock, properties.smsDailyCapPerUser(), properties.smsDailyBudget());
    }

    @Bean
    DeliveryCopies deliveryCopies(NotificationInbox inbox) {
        return new DeliveryCopies(inbox);
    }

    /** The chosen push provider; FCM without its service account stops the start. */
    @Bean
    PushSender pushSender(ReachProperties properties, ProviderProperties.Fcm fcm, DeliveryCopies copies) {
        return switch (properties.pushProvider()) {
            case ReachProperties.INBOX -> copies.pushes();
            case FcmPushSender.PROVIDER -> {
                if (blank(fcm.serviceAccount())) {
                    throw new IllegalStateException("GIGSTREAM_PUSH_PROVIDER=fcm needs GIGSTREAM_FCM_SERVICE_ACCOUNT (the service account's JSON key)");
                }
                yield new FcmPushSender(new FcmClient(FcmSettings.of(blank(fcm.baseUrl()) ? FcmSettings.FCM : fcm.baseUrl(),
                        fcm.serviceAccount())));
            }
            default -> throw new IllegalStateException("GIGSTREAM_PUSH_PROVIDER must be inbox or fcm, not " + properties.pushProvider());
        };
    }

    /** The chosen SMS provider; Termii without its API key and secret key stops the start. */
    @Bean
    SmsSender smsSender(ReachProperties properties, ProviderProperties.Termii termii, DeliveryCopies copies) {
        return switch (properties.smsProvider()) {
            case ReachProperties.INBOX -> copies.texts();
            case TermiiSmsSender.PROVIDER -> {
                if (blank(termii.apiKey()) || blank(termii.secretKey())) {
                    throw new IllegalStateException("GIGSTREAM_SMS_PROVIDER=termii needs GIGSTREAM_TERMII_API_KEY and "
                            + "GIGSTREAM_TERMII_SECRET_KEY (which signs its delivery reports)");
                }
                yield new TermiiSmsSender(new TermiiClient(TermiiSettings.of(
                                blank(termii.baseUrl()) ? TermiiSettings.TERMII_NG : termii.baseUrl(), termii.apiKey(),
                                blank(termii.senderId()) ? "Gigstream" : termii.senderId())
                        .withChannel(blank(termii.channel()) ? TermiiSettings.DND : termii.channel())));
            }
            default -> throw new IllegalStateException("GIGSTREAM_SMS_PROVIDER must be inbox or termii, not " + properties.smsProvider());
        };
    }

    @Bean
    SmsDeliveryReports smsDeliveryReports(DeliveryRecords records, ReachProperties properties, ProviderProperties.Termii termii,
                                          Clock clock) {
        return new SmsDeliveryReports(records, TermiiSmsSender.PROVIDER.equals(properties.smsProvider()) ? termii.secretKey() : null,
                clock);
    }

    @Bean
    ProviderCircuits providerCircuits(ReachProperties properties, PushSender pushes, SmsSender texts) {
        return new ProviderCircuits(
                new ProviderCircuit(pushes.provider() + " push", properties.circuitFailures(), properties.circuitPause(), SCHEDULER_TIME),
                new ProviderCircuit(texts.provider() + " SMS", properties.circuitFailures(), properties.circuitPause(), SCHEDULER_TIME));
    }

    @Bean
    Recipients recipients(Accounts accounts, Presence presence, Devices devices, NotificationPreferencesStore preferences) {
        return new AccountRecipients(accounts, presence, devices, preferences);
    }

    @Bean
    Deliveries deliveries(QueryGateway queries, DeliveryRecords records, Recipients recipients, SmsAllowances allowances,
                          PushSender pushes, SmsSender texts, ProviderCircuits circuits, ReachProperties properties, Clock clock) {
        return new Deliveries(queries, records, recipients, allowances, pushes, texts, circuits.push(), circuits.sms(),
                new Deliveries.Retries(properties.retryFirst(), properties.maxAttempts()), clock, SCHEDULER_TIME);
    }

    @Bean
    DirectTexts directTexts(DeliveryRecords records, SmsAllowances allowances, SmsSender texts, ProviderCircuits circuits,
                            Clock clock, PlatformTransactionManager transactions) {
        return new SmsDirectTexts(records, allowances, texts, circuits.sms(), AccountRecipients::e164, clock, transactions);
    }

    @Bean
    CustomTask<String> notificationSendTask(Deliveries deliveries) {
        return Tasks.custom(SEND_TASK, String.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(TRIES, new FailureHandler.ExponentialBackoffFailureHandler<>(TRY_AGAIN_AFTER, BACK_OFF)))
                .execute((instance, context) -> {
                    String id = instance.getId();
                    int slash = id.lastIndexOf('/');
                    Deliveries.Next next = deliveries.send(instance.getData(), id.substring(0, slash),
                            Channel.valueOf(id.substring(slash + 1)), queue(context.getSchedulerClient()));
                    return next instanceof Deliveries.Next.At at
                            ? (complete, operations) -> operations.reschedule(complete, at.when())
                            : new CompletionHandler.OnCompleteRemove<>();
                });
    }

    @Bean
    CustomTask<String> notificationDeliveryTask(Deliveries deliveries) {
        return Tasks.custom(PLAN_TASK, String.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(TRIES, new FailureHandler.ExponentialBackoffFailureHandler<>(TRY_AGAIN_AFTER, BACK_OFF)))
                .execute((instance, context) -> {
                    deliveries.plan(instance.getData(), instance.getId(), queue(context.getSchedulerClient()));
                    return new CompletionHandler.OnCompleteRemove<>();
                });
    }

    /** The inbox's pushes: the WebSocket copy, then the delivery task, scheduled on connections of its own. */
    @Bean
    @Primary
    NotificationSink reachingSink(@Qualifier("notificationBroadcast") NotificationSink webSocket,
                                  DeliveryTaskConnections connections) {
        SchedulerClient tasks = SchedulerClient.Builder.create(connections.pool())
                .tableName("scheduled_tasks")
                .jdbcCustomization(new AutodetectJdbcCustomization(connections.pool(), true)) // UTC, as the scheduler
                .build();
        return new ReachingSink(webSocket, tasks, PLAN_TASK, SCHEDULER_TIME);
    }

    /**
     * The inbox's own pool of connections to the application's database, for scheduling delivery tasks
     * ({@link ReachingSink}). Not a {@code DataSource} bean, so the application's own pool is made as before.
     */
    @Bean
    DeliveryTaskConnections deliveryTaskConnections(DataSource dataSource) {
        HikariDataSource pool = DataSourceBuilder.derivedFrom(dataSource).type(HikariDataSource.class).build();
        pool.setPoolName("delivery-tasks");
        pool.setMaximumPoolSize(DeliveryTaskConnections.SIZE);
        pool.setMinimumIdle(1);
        return new DeliveryTaskConnections(pool);
    }

    /** Closed with the context (after the beans that use it). */
    record DeliveryTaskConnections(HikariDataSource pool) implements AutoCloseable {

        static final int SIZE = 2;

        @Override
        public void close() {
            pool.close();
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Deliveries.SendQueue queue(SchedulerClient scheduler) {
        return (notificationId, channel, userId, at) ->
                scheduler.scheduleIfNotExists(new TaskInstance<>(SEND_TASK, notificationId + "/" + channel, userId), at);
    }

    record ProviderCircuits(ProviderCircuit push, ProviderCircuit sms) {
    }
}
