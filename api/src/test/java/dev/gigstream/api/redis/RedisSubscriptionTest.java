package dev.gigstream.api.redis;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

/** One subscription serves every channel: each listener hears its own channel, from the other instances only. */
class RedisSubscriptionTest {

    private final StringRedisTemplate redis = mock(StringRedisTemplate.class);

    @Test
    void eachChannelsListenerHearsTheOtherInstancesOnThatChannelOnly() {
        List<String[]> sent = new ArrayList<>();
        doAnswer(call -> {
            sent.add(new String[] {call.getArgument(0), call.getArgument(1)});
            return 1L;
        }).when(redis).convertAndSend(anyString(), anyString());
        RedisSubscription here = new RedisSubscription(redis);
        RedisSubscription there = new RedisSubscription(redis);
        List<String> revocations = new ArrayList<>();
        List<String> notifications = new ArrayList<>();
        List<String> heardHere = new ArrayList<>();
        there.listen("revoked", revocations::add, "");
        there.listen("notifications", notifications::add, "");
        here.listen("revoked", heardHere::add, "");

        here.publish("revoked", "token-1");
        sent.forEach(message -> there.heard(message[0], message[1]));
        sent.forEach(message -> here.heard(message[0], message[1]));

        assertThat(revocations).containsExactly("token-1");
        assertThat(notifications).isEmpty();
        assertThat(heardHere).isEmpty();
    }

    @Test
    void aChannelHasOneListener() {
        RedisSubscription subscription = new RedisSubscription(redis);
        subscription.listen("revoked", message -> { }, "");
        assertThatThrownBy(() -> subscription.listen("revoked", message -> { }, ""))
                .isInstanceOf(IllegalStateException.class);
    }
}
