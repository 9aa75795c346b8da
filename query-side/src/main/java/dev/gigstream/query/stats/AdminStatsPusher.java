package dev.gigstream.query.stats;

import dev.gigstream.query.common.PerInstance;
import dev.gigstream.query.common.SharedProcessor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells this instance's admin sessions when an event that the {@link AdminStatsProjection} counts has
 * happened, so that they get the new numbers. Every instance reads the shared event stream from the
 * moment it starts, so an admin connected anywhere hears of changes made anywhere; history is never
 * pushed. The events are those the projection handles, read from it, so the two cannot drift apart.
 */
@Component
@PerInstance(replay = false)
@SharedProcessor(SharedProcessor.PUSHERS)
@ProcessingGroup(AdminStatsPusher.NAME)
public class AdminStatsPusher {

    public static final String NAME = "admin-stats-push";
    static final Set<Class<?>> COUNTED = eventsHandledBy(AdminStatsProjection.class);

    private final AdminStatsSink sink;

    public AdminStatsPusher(AdminStatsSink sink) {
        this.sink = sink;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        if (COUNTED.contains(message.getPayloadType())) {
            sink.statsMayHaveChanged();
        }
    }

    private static Set<Class<?>> eventsHandledBy(Class<?> projection) {
        return Arrays.stream(projection.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(EventHandler.class))
                .map(Method::getParameterTypes)
                .map(parameters -> parameters[0])
                .collect(Collectors.toUnmodifiableSet());
    }
}
