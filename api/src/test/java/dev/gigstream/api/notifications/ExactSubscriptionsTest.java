package dev.gigstream.api.notifications;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MultiValueMap;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExactSubscriptionsTest {

    private final ExactSubscriptions registry = new ExactSubscriptions();

    @Test
    void aMessageReachesTheSubscriptionsToItsDestinationOnly() {
        registry.registerSubscription(subscribe("s1", "sub-0", "/queue/notifications-users1"));
        registry.registerSubscription(subscribe("s2", "sub-0", "/queue/notifications-users2"));
        registry.registerSubscription(subscribe("s2", "sub-1", "/queue/notifications-users2"));
        registry.registerSubscription(subscribe("s3", "sub-0", "/topic/admin/stats"));

        assertThat(subscribers("/queue/notifications-users2")).isEqualTo(Map.of("s2", List.of("sub-0", "sub-1")));
        assertThat(subscribers("/queue/notifications-users1")).isEqualTo(Map.of("s1", List.of("sub-0")));
        assertThat(subscribers("/topic/admin/stats")).isEqualTo(Map.of("s3", List.of("sub-0")));
        assertThat(subscribers("/queue/notifications-users9")).isEmpty();
    }

    @Test
    void anUnsubscribedOrClosedSessionIsNoLongerFound() {
        registry.registerSubscription(subscribe("s1", "sub-0", "/topic/admin/stats"));
        registry.registerSubscription(subscribe("s2", "sub-0", "/topic/admin/stats"));
        registry.registerSubscription(subscribe("s2", "sub-1", "/queue/notifications-users2"));

        registry.unregisterSubscription(unsubscribe("s1", "sub-0"));
        registry.unregisterAllSubscriptions("s2");

        assertThat(subscribers("/topic/admin/stats")).isEmpty();
        assertThat(subscribers("/queue/notifications-users2")).isEmpty();
        registry.unregisterAllSubscriptions("never-connected");
        registry.unregisterSubscription(unsubscribe("s1", "unknown"));
    }

    @Test
    void aPatternIsRefusedRatherThanMatchedAgainstOtherSessions() {
        assertThatThrownBy(() -> registry.registerSubscription(subscribe("s1", "sub-0", "/queue/notifications-user*")))
                .isInstanceOf(IllegalArgumentException.class);
        registry.registerSubscription(subscribe("s2", "sub-0", "/queue/notifications-users2"));

        assertThat(subscribers("/queue/notifications-users2")).isEqualTo(Map.of("s2", List.of("sub-0")));
    }

    @Test
    void aSessionAmongThousandsIsFoundByItsDestination() {
        IntStream.range(0, 20_000).forEach(i ->
                registry.registerSubscription(subscribe("s" + i, "sub-0", "/queue/notifications-users" + i)));
        IntStream.range(0, 20_000).filter(i -> i % 2 == 0).forEach(i -> registry.unregisterAllSubscriptions("s" + i));

        assertThat(subscribers("/queue/notifications-users12345")).isEqualTo(Map.of("s12345", List.of("sub-0")));
        assertThat(subscribers("/queue/notifications-users12344")).isEmpty();
    }

    private Map<String, List<String>> subscribers(String destination) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setDestination(destination);
        MultiValueMap<String, String> found = registry.findSubscriptions(
                MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders()));
        return Map.copyOf(found);
    }

    private static Message<byte[]> subscribe(String session, String subscription, String destination) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.SUBSCRIBE);
        headers.setSessionId(session);
        headers.setSubscriptionId(subscription);
        headers.setDestination(destination);
        return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
    }

    private static Message<byte[]> unsubscribe(String session, String subscription) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.UNSUBSCRIBE);
        headers.setSessionId(session);
        headers.setSubscriptionId(subscription);
        return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
    }
}
