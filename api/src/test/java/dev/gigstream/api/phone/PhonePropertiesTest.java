package dev.gigstream.api.phone;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class PhonePropertiesTest {

    @Configuration
    @EnableConfigurationProperties(PhoneProperties.class)
    static class Bound {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void verificationIsOptionalUnlessRequired() {
        runner.run(context -> assertThat(context.getBean(PhoneProperties.class).required()).isFalse());
        runner.withPropertyValues("gigstream.phone.verification=optional")
                .run(context -> assertThat(context.getBean(PhoneProperties.class).required()).isFalse());
        runner.withPropertyValues("gigstream.phone.verification=required")
                .run(context -> assertThat(context.getBean(PhoneProperties.class).required()).isTrue());
    }

    @Test
    void anyOtherValueStopsTheStart() {
        runner.withPropertyValues("gigstream.phone.verification=sometimes")
                .run(context -> assertThat(context).hasFailed());
    }
}
