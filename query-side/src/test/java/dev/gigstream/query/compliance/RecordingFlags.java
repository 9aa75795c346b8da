package dev.gigstream.query.compliance;

import dev.gigstream.messages.compliance.RaiseComplianceFlag;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A command gateway that keeps the flags it is asked to raise and, like the ComplianceFlag aggregate,
 * raises each flag id once (a repeat is a no-op); it can also be made to fail.
 */
final class RecordingFlags implements CommandGateway {

    private final List<RaiseComplianceFlag> sent = new ArrayList<>();
    private final Map<String, RaiseComplianceFlag> raised = new LinkedHashMap<>();
    private RuntimeException failure;

    /** Every RaiseComplianceFlag sent, repeats included. */
    List<RaiseComplianceFlag> sent() {
        return sent;
    }

    /** The flags as the aggregate would hold them: the first raise of each id. */
    List<RaiseComplianceFlag> raised() {
        return List.copyOf(raised.values());
    }

    /** Until {@code null} is given, every command fails with {@code failure}. */
    void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R sendAndWait(Object command) {
        RaiseComplianceFlag flag = (RaiseComplianceFlag) command;
        if (failure != null) {
            throw failure;
        }
        sent.add(flag);
        raised.putIfAbsent(flag.flagId(), flag);
        return null;
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        return sendAndWait(command);
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        throw new UnsupportedOperationException("flags are raised with sendAndWait");
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        throw new UnsupportedOperationException("flags are raised with sendAndWait");
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
        return () -> true;
    }
}
