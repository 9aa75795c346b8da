package dev.gigstream.geocoding;

import java.util.List;

/**
 * The answer of {@code GET maps/api/geocode/json} in Google's documented shape (snake_case on the
 * wire), reduced to what Gigstream reads; other fields are ignored.
 */
public final class GeocodingApi {

    private GeocodingApi() {
    }

    /** {@code status}: OK, ZERO_RESULTS, OVER_DAILY_LIMIT, OVER_QUERY_LIMIT, REQUEST_DENIED, INVALID_REQUEST or UNKNOWN_ERROR. */
    public record GeocodeResponse(List<Result> results, String status, String errorMessage) {
    }

    public record Result(String formattedAddress, Geometry geometry, String placeId, List<String> types) {
    }

    public record Geometry(Location location, String locationType) {
    }

    /** Boxed so that a missing coordinate reads as null rather than as 0°. */
    public record Location(Double lat, Double lng) {
    }
}
