package dev.gigstream.api.dispute;

import dev.gigstream.command.dispute.DisputePolicy;
import dev.gigstream.messages.dispute.DisputeDefaults;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class DisputeConfiguration {

    @Bean
    DisputePolicy disputePolicy(@Value("${gigstream.disputes.response-window:72h}") Duration responseWindow,
                                @Value("${gigstream.disputes.overdue-after:${GIGSTREAM_DISPUTE_OVERDUE_AFTER:"
                                        + DisputeDefaults.OVERDUE_AFTER_DAYS + "d}}") Duration overdueAfter) {
        return new DisputePolicy(responseWindow, overdueAfter);
    }

    @Bean
    DisputeQueue disputeQueue(DisputePolicy policy) {
        return new DisputeQueue(policy.overdueAfter());
    }
}
