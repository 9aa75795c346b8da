package dev.gigstream.api.job;

import dev.gigstream.command.escrow.FeePolicy;
import dev.gigstream.command.job.CancellationPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The money policies, with their rates from configuration (basis points: 1000 = 10 %). */
@Configuration(proxyBeanMethods = false)
class MoneyPolicyConfiguration {

    @Bean
    FeePolicy feePolicy(@Value("${gigstream.fees.service-fee-basis-points:" + FeePolicy.DEFAULT_BASIS_POINTS + "}") int basisPoints) {
        return new FeePolicy(basisPoints);
    }

    @Bean
    CancellationPolicy cancellationPolicy(
            @Value("${gigstream.fees.late-cancellation-worker-share-basis-points:"
                    + CancellationPolicy.DEFAULT_LATE_SHARE_BASIS_POINTS + "}") int basisPoints) {
        return new CancellationPolicy(basisPoints);
    }
}
