package dev.gigstream.api.geocode;

import dev.gigstream.messages.job.GeocodedBy;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where an address is, as the api answers it: WGS84 degrees, the geocoder's own formatted form of the
 * address, and which geocoder placed it. The geocoding module's own record stays behind {@link Places}.
 */
@Schema(name = "GeocodedAddressDetails")
public record LocatedAddress(double lat, double lng, String formattedAddress, GeocodedBy geocodedBy) {
}
