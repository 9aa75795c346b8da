package dev.gigstream.api.compliance;

import dev.gigstream.policies.compliance.CancellationsAfterFundingPolicy;
import dev.gigstream.policies.compliance.ContactDetailsPolicy;
import dev.gigstream.policies.compliance.DisputesAgainstUserPolicy;
import dev.gigstream.policies.compliance.FarCheckInPolicy;
import dev.gigstream.policies.compliance.ImpossibleSpeedPolicy;
import dev.gigstream.policies.compliance.RepeatedNoShowsPolicy;
import dev.gigstream.policies.compliance.SharedPayoutAccountPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The compliance policies with the thresholds of {@link ComplianceProperties}. */
@Configuration(proxyBeanMethods = false)
class ComplianceConfiguration {

    @Bean
    RepeatedNoShowsPolicy repeatedNoShowsPolicy(ComplianceProperties properties) {
        return new RepeatedNoShowsPolicy(properties.noShows().threshold(), properties.noShows().window());
    }

    @Bean
    DisputesAgainstUserPolicy disputesAgainstUserPolicy(ComplianceProperties properties) {
        return new DisputesAgainstUserPolicy(properties.disputesAgainstUser().threshold(),
                properties.disputesAgainstUser().window());
    }

    @Bean
    CancellationsAfterFundingPolicy cancellationsAfterFundingPolicy(ComplianceProperties properties) {
        return new CancellationsAfterFundingPolicy(properties.cancellationsAfterFunding().threshold(),
                properties.cancellationsAfterFunding().window());
    }

    @Bean
    ContactDetailsPolicy contactDetailsPolicy(ComplianceProperties properties) {
        return new ContactDetailsPolicy(properties.contactDetails().extraPhrases(),
                properties.contactDetails().bankWordDistance());
    }

    @Bean
    SharedPayoutAccountPolicy sharedPayoutAccountPolicy(ComplianceProperties properties) {
        return new SharedPayoutAccountPolicy(properties.sharedPayoutAccount().minWorkers());
    }

    @Bean
    ImpossibleSpeedPolicy impossibleSpeedPolicy(ComplianceProperties properties) {
        return new ImpossibleSpeedPolicy(properties.impossibleSpeed().minKmh());
    }

    @Bean
    FarCheckInPolicy farCheckInPolicy(ComplianceProperties properties) {
        return new FarCheckInPolicy(properties.farCheckIn().minKm());
    }
}
