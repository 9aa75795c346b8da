package dev.gigstream.query.testsupport;

import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.ArrayList;
import java.util.List;

/** An event gateway that keeps what it is given, for projections that publish. */
public final class RecordingEvents implements EventGateway {

    private final List<Object> published = new ArrayList<>();

    @Override
    public void publish(List<?> events) {
        published.addAll(events);
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super EventMessage<?>> interceptor) {
        return () -> true;
    }

    public List<Object> published() {
        return published;
    }

    public <T> List<T> published(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
