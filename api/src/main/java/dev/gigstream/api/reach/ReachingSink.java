package dev.gigstream.api.reach;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.gigstream.messages.notification.NotificationView;
import dev.gigstream.query.notifications.NotificationSink;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * Where the inbox hands each notification it stored: first the WebSocket copy (the sessions of every
 * instance, as before), then one delivery task per notification, scheduled if none is (its instance id is the
 * notification's id, its data the recipient's id). Its execution, on db-scheduler's threads and on one instance,
 * applies the policy; the inbox's thread does no more than this one insert. Every instance that runs an inbox
 * of its own (in-process read models) hands the same notification over: the task is scheduled once.
 * <p>
 * The insert runs in a transaction of its own: the inbox's thread may be in its batch's transaction, and on
 * PostgreSQL the duplicate key of an instance that scheduled the same task a moment later would abort it.
 */
final class ReachingSink implements NotificationSink {

    private final NotificationSink webSocket;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final String planTask;
    private final Clock schedulerTime;
    private final TransactionTemplate ownTransaction;

    ReachingSink(NotificationSink webSocket, ObjectProvider<SchedulerClient> scheduler, String planTask,
                 Clock schedulerTime, PlatformTransactionManager transactions) {
        this.webSocket = webSocket;
        this.scheduler = scheduler;
        this.planTask = planTask;
        this.schedulerTime = schedulerTime;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void push(NotificationView notification) {
        try {
            webSocket.push(notification);
        } finally {
            if (DeliveryPolicy.ruleOf(notification.type()) != DeliveryPolicy.Rule.INBOX_ONLY) {
                schedule(notification);
            }
        }
    }

    /** An insert that lost the race to another instance's (between db-scheduler's look and its insert) is no failure. */
    private void schedule(NotificationView notification) {
        TaskInstance<String> task = new TaskInstance<>(planTask, notification.id(), notification.userId());
        try {
            ownTransaction.executeWithoutResult(status -> scheduler.getObject().scheduleIfNotExists(task, schedulerTime.instant()));
        } catch (RuntimeException e) {
            boolean scheduled = ownTransaction.execute(status ->
                    scheduler.getObject().getScheduledExecution(TaskInstanceId.of(planTask, notification.id())).isPresent());
            if (!Boolean.TRUE.equals(scheduled)) {
                throw e;
            }
        }
    }
}
