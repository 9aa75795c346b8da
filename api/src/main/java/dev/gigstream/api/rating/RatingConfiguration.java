package dev.gigstream.api.rating;

import dev.gigstream.command.job.Job;
import dev.gigstream.command.rating.AggregateRatedJobs;
import dev.gigstream.command.rating.RatedJobs;
import dev.gigstream.query.rating.BayesianAverage;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RatingConfiguration {

    /** A job's ratings ask the Job aggregate itself who took part and when it finished. */
    @Bean
    RatedJobs ratedJobs(Repository<Job> jobRepository) {
        return new AggregateRatedJobs(jobRepository);
    }

    /** The weight of the platform-wide mean in every Bayesian average, in ratings. */
    @Bean
    BayesianAverage bayesianAverage(@Value("${gigstream.ratings.prior-weight:" + BayesianAverage.DEFAULT_WEIGHT + "}") int weight) {
        return new BayesianAverage(weight);
    }
}
