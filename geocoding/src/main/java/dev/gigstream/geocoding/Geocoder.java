package dev.gigstream.geocoding;

/** Who placed an address on the map: Google's Geocoding API, or the offline gazetteer shipped with the app. */
public enum Geocoder {
    GOOGLE,
    GAZETTEER
}
