package dev.gigstream.sagas;

import dev.gigstream.messages.common.Refusal;
import dev.gigstream.messages.common.RefusedException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every saga step does the same way: send a command the aggregate may refuse, and cancel a
 * deadline it scheduled. The aggregates decide; a saga learns their decision from a refusal or an event.
 */
public final class SagaSteps {

    private static final Logger log = LoggerFactory.getLogger(SagaSteps.class);

    private SagaSteps() {
    }

    /**
     * Sends a command the target may refuse (a payment arriving as its window closes, a release while a
     * chargeback holds the money); false if refused. Any other failure propagates, so the step is retried.
     */
    public static boolean accepted(CommandGateway commands, Object command) {
        try {
            commands.sendAndWait(command);
            return true;
        } catch (RefusedException refused) {
            log.info("{} refused: {}", command.getClass().getSimpleName(), refused.getMessage());
            return false;
        } catch (CommandExecutionException e) {
            if (e.getDetails().filter(Refusal.class::isInstance).isEmpty()) {
                throw e;
            }
            log.info("{} refused: {}", command.getClass().getSimpleName(), e.getMessage());
            return false;
        }
    }

    /** By id: cancelling by scope would make db-scheduler read every scheduled deadline. */
    public static void cancel(DeadlineManager deadlines, String name, String scheduleId) {
        if (scheduleId != null) {
            deadlines.cancelSchedule(name, scheduleId);
        }
    }
}
