package dev.gigstream.api.messaging;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts a {@link ReplayGate} in front of every read-model handler, one gate per processing group, so a
 * read model sharing a processor can be replayed alone. Handlers called by the processor that
 * rebuilds a read model ({@link #rebuilding}) pass the gate, and so do messages that are not read
 * from the stream (reset messages, redelivered dead letters).
 */
final class ReplayGates implements HandlerEnhancerDefinition {

    private static final ThreadLocal<Boolean> REBUILDING = ThreadLocal.withInitial(() -> false);

    private final Map<String, ReplayGate> gates = new ConcurrentHashMap<>();

    ReplayGate of(String group) {
        return gates.computeIfAbsent(group, ReplayGate::new);
    }

    /** Runs {@code delivery} as the rebuilding processor of a read model: past its gate. */
    static <T> T rebuilding(java.util.concurrent.Callable<T> delivery) throws Exception {
        REBUILDING.set(true);
        try {
            return delivery.call();
        } finally {
            REBUILDING.remove();
        }
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        Class<?> type = original.declaringClass();
        ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(type, ProcessingGroup.class);
        if (group == null || !EventProcessingConfiguration.processedAsProjection(type)) {
            return original;
        }
        ReplayGate gate = of(group.value());
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!(message instanceof TrackedEventMessage<?>) || REBUILDING.get() || gate.admits(message)) {
                    return super.handle(message, target);
                }
                return null;
            }
        };
    }
}
