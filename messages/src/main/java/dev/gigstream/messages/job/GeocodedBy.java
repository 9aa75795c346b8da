package dev.gigstream.messages.job;

/** Who turned a site's address into its point: Google's Geocoding API, or the offline gazetteer shipped with the app. */
public enum GeocodedBy {
    GOOGLE,
    GAZETTEER
}
