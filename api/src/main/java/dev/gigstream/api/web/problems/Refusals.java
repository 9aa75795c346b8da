package dev.gigstream.api.web.problems;

import dev.gigstream.messages.common.Refusal;
import dev.gigstream.messages.common.RefusedException;
import org.axonframework.commandhandling.CommandExecutionException;

import java.util.Optional;

/** The refusal a command's failure stands for, however the command bus hands it over. */
public final class Refusals {

    private Refusals() {
    }

    /**
     * The refusal as a local command bus throws it ({@link RefusedException}), or as a distributed one carries it
     * (the details of a {@link CommandExecutionException}, or its cause); empty for any other failure.
     */
    public static Optional<Refusal> of(RuntimeException failure) {
        if (failure instanceof RefusedException refused) {
            return Optional.of(refused.refusal());
        }
        if (failure instanceof CommandExecutionException failed) {
            Optional<Refusal> carried = failed.getDetails().filter(Refusal.class::isInstance).map(Refusal.class::cast);
            return carried.isPresent() || !(failed.getCause() instanceof RefusedException refused)
                    ? carried : Optional.of(refused.refusal());
        }
        return Optional.empty();
    }
}
