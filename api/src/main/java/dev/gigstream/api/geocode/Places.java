package dev.gigstream.api.geocode;

import dev.gigstream.geocoding.GeocodedAddress;
import dev.gigstream.geocoding.GeocodingClient;
import dev.gigstream.geocoding.GeocodingException;
import dev.gigstream.geocoding.GeocodingSettings;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Turns an address into a point on the map through Google's Geocoding API, filtered to the market's
 * country (NGN → NG, GHS → GH). Without {@code GOOGLE_MAPS_API_KEY} nothing is geocoded and callers
 * must send coordinates.
 */
@Component
public class Places {

    private static final Logger log = LoggerFactory.getLogger(Places.class);

    private final Optional<GeocodingClient> geocoding;

    Places(@Value("${gigstream.geocoding.base-url:" + GeocodingSettings.GOOGLE + "}") String baseUrl,
           @Value("${gigstream.geocoding.api-key:}") String apiKey) {
        this.geocoding = apiKey.isBlank() ? Optional.empty()
                : Optional.of(new GeocodingClient(GeocodingSettings.of(baseUrl, apiKey)));
        if (geocoding.isEmpty()) {
            log.info("Geocoding is off (GOOGLE_MAPS_API_KEY is not set): jobs and homes need coordinates");
        }
    }

    /** The market's country, as Google's component filter names it. */
    public static String countryOf(Currency currency) {
        return switch (currency) {
            case NGN -> "NG";
            case GHS -> "GH";
        };
    }

    /** @throws RefusedException ADDRESS_NOT_FOUND, GEOCODING_UNAVAILABLE, or COORDINATES_REQUIRED without a key */
    public GeocodedAddress locate(String address, String country) {
        GeocodingClient client = geocoding.orElseThrow(() -> new RefusedException(GeocodingErrorCode.COORDINATES_REQUIRED,
                "Geocoding is not configured: send the location's lat and lng"));
        try {
            return client.geocode(address, country).orElseThrow(() -> new RefusedException(GeocodingErrorCode.ADDRESS_NOT_FOUND,
                    "No place matches that address in " + country));
        } catch (GeocodingException e) {
            if (e.reason() == GeocodingException.Reason.INVALID) {
                throw new RefusedException(GeocodingErrorCode.ADDRESS_NOT_FOUND, "Google could not read that address");
            }
            throw new RefusedException(GeocodingErrorCode.GEOCODING_UNAVAILABLE, "Geocoding is unavailable just now; try again"
                    + " shortly or send the location's lat and lng");
        }
    }
}
