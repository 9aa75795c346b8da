package dev.gigstream.api.reach;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.gigstream.messages.notification.NotificationView;
import dev.gigstream.query.notifications.NotificationSink;

import java.time.Clock;

/**
 * Where the inbox hands each notification it stored: first the WebSocket copy (the sessions of every
 * instance, as before), then one delivery task per notification, scheduled if none is (its instance id is the
 * notification's id, its data the recipient's id). Its execution, on db-scheduler's threads and on one instance,
 * applies the policy; the inbox's thread does no more than this one insert. Every instance that runs an inbox
 * of its own (in-process read models) hands the same notification over: the task is scheduled once.
 * <p>
 * The insert goes through a scheduler client on connections of its own ({@code tasks}), committed at once: the
 * inbox's thread holds a connection of the application's pool for its batch, and taking a second one from that
 * pool is how threads deadlock a busy pool; and on PostgreSQL the duplicate key of an instance that scheduled the
 * same task a moment earlier would abort the batch's transaction.
 */
final class ReachingSink implements NotificationSink {

    private final NotificationSink webSocket;
    private final SchedulerClient tasks;
    private final String planTask;
    private final Clock schedulerTime;

    ReachingSink(NotificationSink webSocket, SchedulerClient tasks, String planTask, Clock schedulerTime) {
        this.webSocket = webSocket;
        this.tasks = tasks;
        this.planTask = planTask;
        this.schedulerTime = schedulerTime;
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
        try {
            tasks.scheduleIfNotExists(new TaskInstance<>(planTask, notification.id(), notification.userId()), schedulerTime.instant());
        } catch (RuntimeException e) {
            if (tasks.getScheduledExecution(TaskInstanceId.of(planTask, notification.id())).isEmpty()) {
                throw e;
            }
        }
    }
}
