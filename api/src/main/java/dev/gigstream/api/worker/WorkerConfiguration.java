package dev.gigstream.api.worker;

import dev.gigstream.command.job.WorkerStandings;
import dev.gigstream.command.worker.AggregateWorkerStandings;
import dev.gigstream.command.worker.Worker;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

    /** Jobs ask the Worker aggregate itself whether an applicant may apply. */
    @Bean
    WorkerStandings workerStandings(Repository<Worker> workerRepository) {
        return new AggregateWorkerStandings(workerRepository);
    }
}
