package dev.gigstream.api.escrow;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** With the source check on, only Paystack's published addresses may deliver webhooks, signed or not. */
@PostgresIT
@TestPropertySource(properties = "gigstream.paystack.webhook-source-check=true")
class WebhookSourceIT {

    @Autowired
    Api api;

    @Test
    void aSignedDeliveryFromAnotherAddressIsRefused() {
        var refused = new Marketplace(api).deliverSigned(Marketplace.chargeSuccess("gs-esc-x", 1, 0));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asText()).isEqualTo("WEBHOOK_SOURCE");
    }
}
