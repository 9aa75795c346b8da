package dev.gigstream.messages.common;

/**
 * The latitude/longitude rectangle that contains every point within {@code radiusKm} of a centre:
 * a cheap, index-friendly first cut that an exact great-circle distance then narrows. Longitude
 * degrees shrink with the cosine of the latitude; the box is widened for the latitude nearer the
 * pole so nothing inside the circle falls out. Not valid across the antimeridian or the poles
 * (irrelevant for West Africa).
 */
public record BoundingBox(double minLat, double maxLat, double minLng, double maxLng) {

    private static final double KM_PER_DEGREE_LAT = Math.PI * 6371.0088 / 180;

    public static BoundingBox around(GeoPoint centre, double radiusKm) {
        double dLat = radiusKm / KM_PER_DEGREE_LAT;
        double minLat = Math.max(-90, centre.lat() - dLat);
        double maxLat = Math.min(90, centre.lat() + dLat);
        double widestLat = Math.max(Math.abs(minLat), Math.abs(maxLat));
        double cos = Math.cos(Math.toRadians(Math.min(widestLat, 89.9)));
        double dLng = radiusKm / (KM_PER_DEGREE_LAT * cos);
        return new BoundingBox(minLat, maxLat, Math.max(-180, centre.lng() - dLng), Math.min(180, centre.lng() + dLng));
    }
}
