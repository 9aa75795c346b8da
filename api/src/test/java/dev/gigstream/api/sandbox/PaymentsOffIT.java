package dev.gigstream.api.sandbox;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GIGSTREAM_PAYMENTS=off}: payments are off although a key is set; even a webhook signed with it is refused. */
@PostgresIT
@TestPropertySource(properties = "gigstream.payments.mode=off")
class PaymentsOffIT {

    @Autowired
    Api api;

    @Test
    void hiringIsRefusedWebhooksAreRefusedAndNoSandboxRouteExists() {
        NoSandboxRoutes.assertHireRefused(api);
        var signedWithTheKey = new Marketplace(api).deliverSigned(Marketplace.chargeSuccess("gs-esc-unknown", 100, 1));
        assertThat(signedWithTheKey.status()).isEqualTo(401);
        assertThat(signedWithTheKey.json().get("code").asText()).isEqualTo("BAD_SIGNATURE");
        NoSandboxRoutes.assertAbsent(api);
        NoSandboxRoutes.assertMode(api, "OFF");
    }
}
