package dev.gigstream.api.hardening;

import dev.gigstream.api.testsupport.PostgresIT;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;

/**
 * A hardening suite: a {@link PostgresIT} with an admin and an auditor account, and rate limits too
 * high to throttle hundreds of requests from one address. The suites share this one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD,
        "gigstream.auth.auditor.email=" + HardeningIT.AUDITOR_EMAIL,
        "gigstream.auth.auditor.password=" + HardeningIT.AUDITOR_PASSWORD,
        "gigstream.auth.rate-limit.requests=1000000",
        "gigstream.location.share-rate-limit.requests=1000000"})
@interface HardeningIT {

    String AUDITOR_EMAIL = "auditor@gigstream.test";
    String AUDITOR_PASSWORD = "auditor password for tests";
}
