package dev.gigstream.api.messaging;

import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.axonserver.connector.query.AxonServerQueryDispatchException;
import org.axonframework.commandhandling.distributed.CommandDispatchException;
import org.axonframework.messaging.RemoteHandlingException;

import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure whose outcome is unknown from one that is known. With Axon Server between instances,
 * a command may reach another instance that stores its events and then loses its connection, or answers
 * too late: the sender sees a dispatch failure, a timeout, or a connector exception about a lost
 * connection, although the command may have taken effect. Such a failure is not the caller's fault nor
 * a refusal, and the caller should read the resource or retry, where commands are safe to retry. A query
 * fails the same ways when the instance answering it is lost; its outcome is known (nothing changed) and
 * it is always safe to send again.
 */
public final class UnknownCommandOutcome {

    private UnknownCommandOutcome() {
    }

    /** Whether {@code failure}, or any of its causes, leaves the outcome unknown. */
    public static boolean of(Throwable failure) {
        // the connector puts Axon Server's message on the CommandExecutionException around its remote exception
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            messages.append(' ').append(cause.getMessage());
            if (cause instanceof CommandDispatchException || cause instanceof AxonServerQueryDispatchException
                    || cause instanceof TimeoutException) {
                return true;
            }
            if (cause instanceof AxonServerException axonServer && axonServer.errorCode() == ErrorCode.CONNECTION_FAILED) {
                return true;
            }
            if ((cause instanceof AxonServerException || cause instanceof RemoteHandlingException) && aboutTheConnection(cause, messages)) {
                return true;
            }
        }
        return false;
    }

    private static boolean aboutTheConnection(Throwable failure, CharSequence messagesSoFar) {
        String message = messagesSoFar.toString().toLowerCase(Locale.ROOT);
        if (failure instanceof RemoteHandlingException remote) {
            message += " " + String.join(" ", remote.getExceptionDescriptions()).toLowerCase(Locale.ROOT);
        }
        return message.contains("connection") || message.contains("timeout") || message.contains("timed out")
                || message.contains("unavailable");
    }
}
