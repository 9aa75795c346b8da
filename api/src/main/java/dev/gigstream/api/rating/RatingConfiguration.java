package dev.gigstream.api.rating;

import dev.gigstream.query.rating.BayesianAverage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RatingConfiguration {

    /** The weight of the platform-wide mean in every Bayesian average, in ratings. */
    @Bean
    BayesianAverage bayesianAverage(@Value("${gigstream.ratings.prior-weight:" + BayesianAverage.DEFAULT_WEIGHT + "}") int weight) {
        return new BayesianAverage(weight);
    }
}
