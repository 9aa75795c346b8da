package dev.gigstream.api.messaging;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.axonserver.connector.command.AxonServerRemoteCommandHandlingException;
import org.axonframework.axonserver.connector.query.AxonServerQueryDispatchException;
import org.axonframework.axonserver.connector.query.AxonServerRemoteQueryHandlingException;
import org.axonframework.commandhandling.distributed.CommandDispatchException;

import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure whose outcome is unknown from one that is known. With Axon Server between instances,
 * a command may reach another instance that stores its events and then loses its connection, or answers
 * too late: the sender sees a dispatch failure, a timeout, or Axon Server's error code for a lost
 * connection, although the command may have taken effect. Such a failure is not the caller's fault nor
 * a refusal, and the caller should read the resource or retry, where commands are safe to retry. A query
 * fails the same ways when the instance answering it is lost; its outcome is known (nothing changed) and
 * it is always safe to send again. Failures are recognised by their type and by Axon Server's error code
 * or gRPC's status, never by the words of a message.
 */
public final class UnknownCommandOutcome {

    /** Axon Server's code for a message whose handling instance disconnected before it answered. */
    static final String CONNECTION_TO_HANDLER_LOST = "AXONIQ-4001";

    /** gRPC's statuses for a call whose other end was not reached or did not answer in time. */
    private static final Set<Status.Code> UNANSWERED = Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
            Status.Code.CANCELLED);

    private UnknownCommandOutcome() {
    }

    /** Whether {@code failure}, or any of its causes, leaves the outcome unknown. */
    public static boolean of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CommandDispatchException || cause instanceof AxonServerQueryDispatchException
                    || cause instanceof TimeoutException) {
                return true;
            }
            if (cause instanceof AxonServerException axonServer && lostConnection(axonServer.code())) {
                return true;
            }
            if (cause instanceof AxonServerRemoteQueryHandlingException remote && lostConnection(remote.getErrorCode())) {
                return true;
            }
            if (cause instanceof AxonServerRemoteCommandHandlingException remote && lostConnection(remote.getErrorCode())) {
                return true;
            }
            if (cause instanceof StatusRuntimeException grpc && UNANSWERED.contains(grpc.getStatus().getCode())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Axon Server's codes for a connection lost on the way to, or at, the instance handling the message:
     * the connector's own CONNECTION_FAILED, and the server's "connection to the handler lost". The
     * connector knows no constant for the latter and hands it over as OTHER, a failure it could not
     * classify, whose outcome is as unknown.
     */
    private static final Set<String> LOST_CONNECTION = Set.of(ErrorCode.CONNECTION_FAILED.errorCode(),
            CONNECTION_TO_HANDLER_LOST, ErrorCode.OTHER.errorCode());

    private static boolean lostConnection(String code) {
        return LOST_CONNECTION.contains(code);
    }
}
