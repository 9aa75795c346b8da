package dev.gigstream.api.storage;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ScaledOutStoresTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ReadModelProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner app = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, ScaledOutStores.class);

    @Test
    void axonServerWithoutASharedReadModelStoreRefusesToStartSayingWhy() {
        app.withPropertyValues("axon.axonserver.enabled=true", "gigstream.read-models.uri=")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("set GIGSTREAM_MONGO_URI"));
    }

    @Test
    void axonServerWithASharedReadModelStoreStarts() {
        app.withPropertyValues("axon.axonserver.enabled=true", "gigstream.read-models.uri=mongodb://mongo:27017")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void oneInstanceNeedsNoSharedStore() {
        app.withPropertyValues("axon.axonserver.enabled=false", "gigstream.read-models.uri=")
                .run(context -> assertThat(context).hasNotFailed());
    }
}
