package dev.gigstream.api.dispute;

import dev.gigstream.command.dispute.AggregateDisputedJobs;
import dev.gigstream.command.dispute.DisputePolicy;
import dev.gigstream.command.dispute.DisputedJobs;
import dev.gigstream.command.escrow.EscrowPayment;
import dev.gigstream.command.job.Job;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class DisputeConfiguration {

    /** A dispute marks its job through the Job aggregate itself, in the same unit of work. */
    @Bean
    DisputedJobs disputedJobs(Repository<Job> jobRepository, Repository<EscrowPayment> escrowPaymentRepository) {
        return new AggregateDisputedJobs(jobRepository, escrowPaymentRepository);
    }

    @Bean
    DisputePolicy disputePolicy(@Value("${gigstream.disputes.response-window:72h}") Duration responseWindow,
                                @Value("${gigstream.disputes.overdue-after:7d}") Duration overdueAfter) {
        return new DisputePolicy(responseWindow, overdueAfter);
    }
}
