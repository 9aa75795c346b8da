package dev.gigstream.api.reach;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Quiet hours as requests and answers carry them: times of day as {@code HH:mm}, and the zone's id. */
@Schema(name = "QuietHoursPeriod", description = "From (inclusive) to (exclusive) on the person's clock; a `from` after "
        + "`to` spans midnight, equal times are no quiet hours")
public record QuietHoursPeriod(@Schema(example = "22:00") @NotNull @Pattern(regexp = TIME) String from,
                               @Schema(example = "07:00") @NotNull @Pattern(regexp = TIME) String to,
                               @Schema(description = "An IANA time zone; in a request, by default the account's phone's "
                                       + "(Africa/Accra for +233, else Africa/Lagos); always given in an answer",
                                       example = "Africa/Lagos") @Size(max = 64) String zone) {

    static final String TIME = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

    static QuietHoursPeriod of(QuietHours hours) {
        return new QuietHoursPeriod(hours.from().toString(), hours.to().toString(), hours.zone().getId());
    }
}
