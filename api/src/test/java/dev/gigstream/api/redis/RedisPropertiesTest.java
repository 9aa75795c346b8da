package dev.gigstream.api.redis;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RedisPropertiesTest {

    /** 500 ms was too short on a loaded host: offers went unqueued while a projection was rebuilt. */
    @Test
    void aCommandMayTakeTwoSecondsByDefault() {
        assertThat(new RedisProperties("redis://127.0.0.1:6379", null, null).timeout()).isEqualTo(Duration.ofSeconds(2));
    }
}
