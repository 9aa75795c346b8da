package dev.gigstream.geocoding;

import java.util.Objects;

/**
 * Where an address is: WGS84 degrees, the geocoder's own formatted form of the address (Google's, or
 * the gazetteer's "Yaba, Lagos, Nigeria"), and which geocoder answered.
 */
public record GeocodedAddress(double lat, double lng, String formattedAddress, Geocoder geocodedBy) {

    public GeocodedAddress {
        Objects.requireNonNull(geocodedBy, "geocodedBy");
    }
}
