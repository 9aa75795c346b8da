package dev.gigstream.api.storage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;

/**
 * With Axon Server, instances are meant to share the work: each processor's segments are spread over
 * them, and each instance handles only its share of the stream. Read models in each instance's own
 * in-process MongoDB would then each hold part of the data (or, for per-instance projections, push
 * every notification once per instance), so the app refuses to start that way and says why.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
class ScaledOutStores {

    ScaledOutStores(ReadModelProperties readModels) {
        if (!readModels.external()) {
            throw new IllegalStateException("""
                    The axonserver profile runs several instances on one event stream, and they must share \
                    one read-model store: set GIGSTREAM_MONGO_URI (e.g. mongodb://mongo:27017). Without it every \
                    instance would keep part of each projection in its own in-process MongoDB.""");
        }
    }
}
