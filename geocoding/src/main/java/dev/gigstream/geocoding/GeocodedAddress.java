package dev.gigstream.geocoding;

/** Where Google places an address: WGS84 degrees and its own formatted form of the address. */
public record GeocodedAddress(double lat, double lng, String formattedAddress) {
}
