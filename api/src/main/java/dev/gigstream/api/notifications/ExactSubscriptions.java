package dev.gigstream.api.notifications;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.broker.AbstractSubscriptionRegistry;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The broker's subscriptions, looked up by their exact destination. Every session has a destination of
 * its own (a user's notifications are sent to {@code /queue/notifications-user<session>}), and Spring's
 * default registry finds the subscribers of a destination it has not cached by going through every
 * session: with more sessions than its cache holds (1,024), every push went through all of them, and
 * 2,000 connections took 12 s to see a notification. Here a push costs one map look-up, whatever the
 * number of sessions.
 *
 * <p>Clients may subscribe to exact destinations only ({@link StompAuthentication}), so a pattern
 * never reaches this registry; if one did, it is refused rather than matched against nothing.
 */
final class ExactSubscriptions extends AbstractSubscriptionRegistry {

    private static final AntPathMatcher PATTERNS = new AntPathMatcher();

    /** destination → session → its subscription ids to that destination. */
    private final Map<String, Map<String, List<String>>> byDestination = new ConcurrentHashMap<>();
    /** session → subscription id → destination, to unsubscribe and to forget a closed session. */
    private final Map<String, Map<String, String>> bySession = new ConcurrentHashMap<>();

    @Override
    protected void addSubscriptionInternal(String sessionId, String subscriptionId, String destination, Message<?> message) {
        if (PATTERNS.isPattern(destination)) {
            throw new IllegalArgumentException("Only exact destinations may be subscribed to, not " + destination);
        }
        bySession.computeIfAbsent(sessionId, session -> new ConcurrentHashMap<>()).put(subscriptionId, destination);
        byDestination.compute(destination, (ignored, sessions) -> {
            Map<String, List<String>> subscribers = sessions != null ? sessions : new ConcurrentHashMap<>();
            subscribers.computeIfAbsent(sessionId, session -> new CopyOnWriteArrayList<>()).add(subscriptionId);
            return subscribers;
        });
    }

    @Override
    protected void removeSubscriptionInternal(String sessionId, String subscriptionId, Message<?> message) {
        Map<String, String> subscriptions = bySession.get(sessionId);
        String destination = subscriptions == null ? null : subscriptions.remove(subscriptionId);
        if (destination != null) {
            forget(destination, sessionId, subscriptionId);
        }
    }

    @Override
    public void unregisterAllSubscriptions(String sessionId) {
        Map<String, String> subscriptions = bySession.remove(sessionId);
        if (subscriptions != null) {
            subscriptions.forEach((subscriptionId, destination) -> forget(destination, sessionId, subscriptionId));
        }
    }

    @Override
    protected MultiValueMap<String, String> findSubscriptionsInternal(String destination, Message<?> message) {
        LinkedMultiValueMap<String, String> found = new LinkedMultiValueMap<>();
        Map<String, List<String>> subscribers = byDestination.get(destination);
        if (subscribers != null) {
            subscribers.forEach((sessionId, subscriptionIds) -> found.addAll(sessionId, List.copyOf(subscriptionIds)));
        }
        return found;
    }

    private void forget(String destination, String sessionId, String subscriptionId) {
        byDestination.computeIfPresent(destination, (ignored, subscribers) -> {
            subscribers.computeIfPresent(sessionId, (session, ids) -> {
                ids.remove(subscriptionId);
                return ids.isEmpty() ? null : ids;
            });
            return subscribers.isEmpty() ? null : subscribers;
        });
    }
}
