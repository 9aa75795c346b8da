package dev.gigstream.api.reach;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.gigstream.messages.notification.NotificationView;
import dev.gigstream.query.notifications.NotificationSink;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Clock;

/**
 * Where the inbox hands each notification it stored: first the WebSocket copy (the sessions of every
 * instance, as before), then one delivery task per notification, scheduled if none is (its instance id is the
 * notification's id, its data the recipient's id). Its execution, on db-scheduler's threads and on one instance,
 * applies the policy; the inbox's thread does no more than this one insert. Every instance that runs an inbox
 * of its own (in-process read models) hands the same notification over: the task is scheduled once.
 */
final class ReachingSink implements NotificationSink {

    private final NotificationSink webSocket;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final String planTask;
    private final Clock schedulerTime;

    ReachingSink(NotificationSink webSocket, ObjectProvider<SchedulerClient> scheduler, String planTask,
                 Clock schedulerTime) {
        this.webSocket = webSocket;
        this.scheduler = scheduler;
        this.planTask = planTask;
        this.schedulerTime = schedulerTime;
    }

    @Override
    public void push(NotificationView notification) {
        try {
            webSocket.push(notification);
        } finally {
            if (DeliveryPolicy.ruleOf(notification.type()) != DeliveryPolicy.Rule.INBOX_ONLY) {
                scheduler.getObject().scheduleIfNotExists(new TaskInstance<>(planTask, notification.id(), notification.userId()),
                        schedulerTime.instant());
            }
        }
    }
}
