package dev.gigstream.api.reach;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Request and response bodies of {@link DeviceController} and {@link NotificationPreferencesController}. */
final class ReachRequests {

    /**
     * What a path segment carries as it is (RFC 3986's unreserved characters and sub-delimiters, ':' and '@'):
     * every registered token can be named in the path that deletes it. Push providers' tokens (FCM's, APNs's) fit.
     */
    static final String TOKEN_CHARACTERS = "^[A-Za-z0-9._~:@!$&'()*+,=-]+$";

    private ReachRequests() {
    }

    @Schema(name = "DeviceRegistrationRequest")
    record Register(@NotNull Platform platform,
                    @Schema(description = "The push provider's registration token of this install of the app (FCM's)")
                    @NotBlank @Size(max = 4096) @Pattern(regexp = TOKEN_CHARACTERS) String token) {
    }

    @Schema(name = "DeviceDetails")
    record DeviceView(Platform platform, String token, Instant addedAt) {

        static DeviceView of(Device device) {
            return new DeviceView(device.platform(), device.token(), device.addedAt());
        }
    }

    @Schema(name = "DeviceList")
    record DeviceList(List<DeviceView> items) {
    }

    @Schema(name = "NotificationPreferencesRequest")
    record Preferences(
            @Schema(description = "For each notification type named, the channels it may reach one by besides the inbox "
                    + "(an empty list: the inbox only); a type not named keeps the platform's channels")
            Map<String, List<Channel>> channels,
            @Schema(description = "Hours in which only what one must not miss reaches the phone; none when left out")
            @Valid QuietHoursPeriod quietHours) {
    }
}
