package dev.gigstream.api.compliance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * The compliance rules' thresholds ({@code gigstream.compliance.*}), each with its default: how many
 * no-shows, disputes against a user and cancellations after funding within how long raise a flag;
 * extra phrases and the bank-word distance of the contact-details check; how many workers make a
 * payout account shared; from what speed and check-in distance a location signal becomes a flag.
 */
@ConfigurationProperties("gigstream.compliance")
public record ComplianceProperties(@DefaultValue NoShows noShows,
                                   @DefaultValue DisputesAgainstUser disputesAgainstUser,
                                   @DefaultValue CancellationsAfterFunding cancellationsAfterFunding,
                                   @DefaultValue ContactDetails contactDetails,
                                   @DefaultValue SharedPayoutAccount sharedPayoutAccount,
                                   @DefaultValue ImpossibleSpeed impossibleSpeed,
                                   @DefaultValue FarCheckIn farCheckIn) {

    public record NoShows(@DefaultValue("2") int threshold, @DefaultValue("30d") Duration window) {
    }

    public record DisputesAgainstUser(@DefaultValue("3") int threshold, @DefaultValue("30d") Duration window) {
    }

    public record CancellationsAfterFunding(@DefaultValue("3") int threshold, @DefaultValue("30d") Duration window) {
    }

    /** {@code extraPhrases}: more words that flag a text; {@code bankWordDistance}: how near a bank word an account number is. */
    public record ContactDetails(@DefaultValue List<String> extraPhrases, @DefaultValue("40") int bankWordDistance) {
    }

    public record SharedPayoutAccount(@DefaultValue("2") int minWorkers) {
    }

    public record ImpossibleSpeed(@DefaultValue("200") double minKmh) {
    }

    public record FarCheckIn(@DefaultValue("1.0") double minKm) {
    }
}
