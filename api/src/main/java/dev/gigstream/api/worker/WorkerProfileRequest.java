package dev.gigstream.api.worker;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.util.List;

/** Body of {@code PUT /api/v1/workers/me/profile}. Shapes are checked here; business rules in the Worker aggregate. */
record WorkerProfileRequest(@NotNull @Size(min = 1, max = 30) List<@NotBlank @Size(max = 40) String> skills,
                            @Size(max = 1000) String bio,
                            @NotNull @Valid Location home,
                            @NotNull @Size(max = 28) List<@NotNull @Valid Availability> availability,
                            @Valid Payout payout) {

    /** Coordinates, or an address alone (geocoded in {@code country}, NG unless GH). */
    @Schema(name = "WorkerHomeLocation", description = "Where the worker lives: lat and lng, or an address alone (geocoded in "
            + "`country`, NG unless GH)")
    record Location(@DecimalMin("-90") @DecimalMax("90") Double lat,
                    @DecimalMin("-180") @DecimalMax("180") Double lng,
                    @Size(max = 300) String address,
                    @Pattern(regexp = "NG|GH", message = "must be NG or GH") String country) {
    }

    @Schema(name = "WorkerAvailabilityItem")
    record Availability(@NotNull DayOfWeek dayOfWeek,
                        @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be HH:mm") String from,
                        @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]|24:00", message = "must be HH:mm") String to) {
    }

    @Schema(name = "PayoutDetails")
    record Payout(@NotBlank @Pattern(regexp = "[0-9A-Za-z]{3,10}", message = "must be 3 to 10 letters or digits") String bankCode,
                  @NotBlank @Pattern(regexp = "[0-9]{6,20}", message = "must be 6 to 20 digits") String accountNumber,
                  @NotBlank @Size(max = 100) String accountName) {
    }
}
