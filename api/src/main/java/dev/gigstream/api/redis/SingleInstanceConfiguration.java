package dev.gigstream.api.redis;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without Redis (the embedded default) the instances do not hear each other: what a feature would tell
 * the other instances stays in this one, where it has acted already.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${gigstream.redis.url:}'.isBlank()")
class SingleInstanceConfiguration {

    @Bean
    InstanceChannels thisInstanceOnly() {
        return InstanceChannels.thisInstanceOnly();
    }
}
