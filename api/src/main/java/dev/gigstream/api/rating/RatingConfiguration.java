package dev.gigstream.api.rating;

import dev.gigstream.command.rating.StoredJobs;
import dev.gigstream.query.rating.BayesianAverage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RatingConfiguration {

    /**
     * A rating before the job opened its ratings tells an unknown job (not found) from an unfinished one,
     * and opens the ratings of a job that finished before jobs opened them ({@code KnownJobs}, {@code FinishedJobs}).
     */
    @Bean
    StoredJobs storedJobs(EventStore eventStore) {
        return new StoredJobs(eventStore);
    }

    /** The weight of the platform-wide mean in every Bayesian average, in ratings. */
    @Bean
    BayesianAverage bayesianAverage(@Value("${gigstream.ratings.prior-weight:" + BayesianAverage.DEFAULT_WEIGHT + "}") int weight) {
        return new BayesianAverage(weight);
    }
}
