package dev.gigstream.api.redis;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RedisCircuitTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final RedisCircuit circuit = new RedisCircuit("tests", "tests fall back", Duration.ofSeconds(5), now::get);

    @Test
    void aClosedCircuitLetsEveryCallThrough() {
        assertThat(circuit.allowsCall()).isTrue();
        assertThat(circuit.allowsCall()).isTrue();
        assertThat(circuit.open()).isFalse();
    }

    @Test
    void afterAFailureCallsFallBackUntilThePauseIsOver() {
        circuit.failed(new IllegalStateException("connection refused"));

        assertThat(circuit.allowsCall()).isFalse();
        now.addAndGet(Duration.ofSeconds(5).toNanos() - 1);
        assertThat(circuit.allowsCall()).isFalse();
    }

    @Test
    void afterThePauseOneCallProbesAndASuccessClosesTheCircuit() {
        circuit.failed(new IllegalStateException("connection refused"));
        now.addAndGet(Duration.ofSeconds(5).toNanos());

        assertThat(circuit.allowsCall()).as("the probe").isTrue();
        assertThat(circuit.allowsCall()).as("others while the probe runs").isFalse();
        circuit.succeeded();
        assertThat(circuit.open()).isFalse();
        assertThat(circuit.allowsCall()).isTrue();
    }

    @Test
    void aFailedProbeOpensTheCircuitForAnotherPause() {
        circuit.failed(new IllegalStateException("connection refused"));
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(circuit.allowsCall()).isTrue();

        circuit.failed(new IllegalStateException("still refused"));

        assertThat(circuit.allowsCall()).isFalse();
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(circuit.allowsCall()).isTrue();
    }
}
