package dev.gigstream.api.notifications;

import dev.gigstream.api.redis.InstanceChannels;
import dev.gigstream.api.redis.RedisCircuit;
import dev.gigstream.api.redis.RedisSubscription;
import dev.gigstream.messages.notification.NotificationView;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** A notification is delivered here at once, and to every other instance once, through the channel. */
class NotificationBroadcastTest {

    private static final NotificationView HIRED = new NotificationView("n-1", "worker-1", "worker.hired", "job-1",
            Instant.parse("2026-12-01T08:00:00Z"), false, Map.of("title", "Barista", "escrowId", "escrow-1"));

    private static final String CHANNEL = "test:notifications";

    private final StringRedisTemplate redis = mock(StringRedisTemplate.class);
    private final List<String> published = new ArrayList<>();
    private final Map<RedisSubscription, NotificationBroadcast> broadcasts = new HashMap<>();

    /** An instance's broadcast, listening on its own subscription. */
    private RedisSubscription instance(List<NotificationView> sessions) {
        RedisSubscription subscription = new RedisSubscription(redis);
        broadcasts.put(subscription, new NotificationBroadcast(sessions::add, subscription, CHANNEL,
                new RedisCircuit("test", "test", Duration.ofSeconds(5))));
        return subscription;
    }

    @Test
    void theOtherInstancesDeliverWhatOneStoredAndNobodyDeliversItTwice() {
        doAnswer(call -> published.add(call.getArgument(1))).when(redis).convertAndSend(anyString(), anyString());
        List<NotificationView> here = new ArrayList<>();
        List<NotificationView> there = new ArrayList<>();
        var storing = instance(here);
        var other = instance(there);

        broadcasts.get(storing).push(HIRED);
        published.forEach(message -> storing.heard(CHANNEL, message)); // an instance hears its own messages too
        published.forEach(message -> other.heard(CHANNEL, message));

        assertThat(here).containsExactly(HIRED);
        assertThat(there).containsExactly(HIRED);
    }

    @Test
    void withoutRedisOrWhileItDoesNotAnswerTheSessionsHereAreStillPushedTo() {
        List<NotificationView> alone = new ArrayList<>();
        new NotificationBroadcast(alone::add, InstanceChannels.thisInstanceOnly(), CHANNEL,
                new RedisCircuit("test", "test", Duration.ofSeconds(5))).push(HIRED);
        assertThat(alone).containsExactly(HIRED);

        doThrow(new RedisConnectionFailureException("down")).when(redis).convertAndSend(anyString(), anyString());
        List<NotificationView> here = new ArrayList<>();
        var storing = instance(here);
        assertThatCode(() -> {
            broadcasts.get(storing).push(HIRED);
            broadcasts.get(storing).push(HIRED);
        }).doesNotThrowAnyException();
        assertThat(here).hasSize(2);
        verify(redis, times(1)).convertAndSend(anyString(), anyString()); // the circuit leaves Redis alone after a failure
    }

    @Test
    void aMalformedMessageIsIgnored() {
        List<NotificationView> there = new ArrayList<>();
        RedisSubscription subscription = instance(there);
        subscription.heard(CHANNEL, "another-instance {not json");
        subscription.heard(CHANNEL, "no-space");
        assertThat(there).isEmpty();
    }
}
