package dev.gigstream.messages.job;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;
import dev.gigstream.messages.common.ShiftWindow;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Posts a shift. Time arrives in the command ({@code postedAt}), never from a clock inside the aggregate. */
public record PostJob(@TargetAggregateIdentifier JobId jobId,
                      @NotPersonal String clientId,
                      @NotPersonal String title,
                      @PersonalData(subject = "clientId") String description,
                      @NotPersonal List<String> requiredSkills,
                      JobSite site,
                      ShiftWindow shift,
                      Money pay,
                      Instant postedAt) {
}
