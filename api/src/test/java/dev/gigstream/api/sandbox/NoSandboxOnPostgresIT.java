package dev.gigstream.api.sandbox;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The postgres profile without GIGSTREAM_PAYMENTS and without a Paystack key, as an operator who set
 * neither starts it: Paystack mode, payments off as before the sandbox, and no sandbox at all.
 */
@PostgresIT
@TestPropertySource(properties = "gigstream.paystack.secret-key=")
class NoSandboxOnPostgresIT {

    @Autowired
    Api api;

    @Test
    void everySandboxRouteIsNotFoundAndHiringIsRefusedAsBefore() {
        NoSandboxRoutes.assertAbsent(api);
        NoSandboxRoutes.assertMode(api, "PAYSTACK");
        NoSandboxRoutes.assertHireRefused(api);
    }
}
