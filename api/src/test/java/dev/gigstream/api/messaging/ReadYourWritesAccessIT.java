package dev.gigstream.api.messaging;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code Read-Position} is no way around the access check: who may not read an escrow is refused as
 * without the header, at once, and does not learn whether the read model is behind; its parties still wait
 * for it.
 */
@PostgresIT
class ReadYourWritesAccessIT {

    /** Far past anything written: no read model reaches it, so whoever waits for it is answered 503. */
    private static final String FAR_AHEAD = "999999999999999";

    @Autowired
    Api api;

    @Test
    void aStrangerPresentingAPositionFarAheadIsRefusedAtOnceAsWithoutIt() {
        var hire = new Marketplace(api).hiredShift();
        var stranger = api.signUp("CLIENT");
        String escrow = "/api/v1/escrows/" + hire.escrowId();

        Api.Response without = api.get(escrow, stranger.accessToken());
        Api.Response ahead = api.send("GET", escrow, null, stranger.accessToken(), Map.of("Read-Position", FAR_AHEAD));
        Api.Response party = api.send("GET", escrow, null, hire.client().accessToken(), Map.of("Read-Position", FAR_AHEAD));

        assertThat(without.status()).isEqualTo(403);
        assertThat(without.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(ahead.status()).as("the stranger presenting a position: %s", ahead.body()).isEqualTo(403);
        assertThat(ahead.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(ahead.header("Retry-After")).as("no wait was given up on").isNull();
        assertThat(party.status()).as("the escrow's client still waits for the position").isEqualTo(503);
        assertThat(party.json().get("code").asText()).isEqualTo("READ_MODEL_BEHIND");
    }

    @Test
    void aWorkerNotHiredForItIsRefusedAtOnceAndTheHiredWorkerWaits() {
        var market = new Marketplace(api);
        var hire = market.hiredShift();
        var otherWorker = market.worker();
        String escrow = "/api/v1/escrows/" + hire.escrowId();

        Api.Response stranger = api.send("GET", escrow, null, otherWorker.accessToken(), Map.of("Read-Position", FAR_AHEAD));
        Api.Response worker = api.send("GET", escrow, null, hire.worker().accessToken(), Map.of("Read-Position", FAR_AHEAD));

        assertThat(stranger.status()).as("a worker not hired for it: %s", stranger.body()).isEqualTo(403);
        assertThat(stranger.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(stranger.header("Retry-After")).isNull();
        assertThat(worker.status()).as("the hired worker still waits for the position").isEqualTo(503);
        assertThat(worker.json().get("code").asText()).isEqualTo("READ_MODEL_BEHIND");
        assertThat(worker.header("Retry-After")).isEqualTo("1");
    }
}
