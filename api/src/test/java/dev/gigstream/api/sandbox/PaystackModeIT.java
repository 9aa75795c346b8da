package dev.gigstream.api.sandbox;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GIGSTREAM_PAYMENTS=paystack} with a key: checkouts are Paystack's (here its stand-in), no sandbox route exists. */
@PostgresIT
@TestPropertySource(properties = "gigstream.payments.mode=paystack")
class PaystackModeIT {

    @Autowired
    Api api;

    @Test
    void hiringAnswersPaystacksCheckoutAndNoSandboxRouteExists() {
        var hire = new Marketplace(api).hiredShift();

        assertThat(hire.answer().get("authorizationUrl").asText()).startsWith("https://checkout.paystack.com/");
        NoSandboxRoutes.assertAbsent(api);
        NoSandboxRoutes.assertMode(api, "PAYSTACK");
    }
}
