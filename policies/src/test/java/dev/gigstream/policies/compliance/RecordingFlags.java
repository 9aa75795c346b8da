package dev.gigstream.policies.compliance;

import dev.gigstream.messages.compliance.RaiseComplianceFlag;
import dev.gigstream.policies.testsupport.SendAndWaitGateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command gateway that keeps the flags it is asked to raise and, like the ComplianceFlag aggregate,
 * raises each flag id once (a repeat is a no-op); it can also be made to fail.
 */
final class RecordingFlags extends SendAndWaitGateway {

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
}
