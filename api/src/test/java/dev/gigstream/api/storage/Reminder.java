package dev.gigstream.api.storage;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A test-only aggregate that schedules one persistent deadline and records when it fires. */
@Aggregate
public class Reminder {

    @AggregateIdentifier
    private String reminderId;

    protected Reminder() {
    }

    @CommandHandler
    public Reminder(Schedule command, DeadlineManager deadlines) {
        apply(new Scheduled(command.reminderId(), command.at()));
        deadlines.schedule(command.at(), "reminder");
    }

    @DeadlineHandler(deadlineName = "reminder")
    void fire() {
        apply(new Fired(reminderId));
    }

    @EventSourcingHandler
    void on(Scheduled event) {
        reminderId = event.reminderId();
    }

    public record Schedule(@TargetAggregateIdentifier String reminderId, Instant at) {
    }

    public record Scheduled(String reminderId, Instant at) {
    }

    public record Fired(String reminderId) {
    }
}
