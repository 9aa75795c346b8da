package dev.gigstream.query.testsupport;

import dev.gigstream.messages.common.GeoPoint;

/** Points at an exact great-circle distance from another (on the same sphere {@link GeoPoint} measures on). */
public final class Geo {

    public static final GeoPoint LAGOS_ISLAND = new GeoPoint(6.4541, 3.3947);
    public static final GeoPoint ACCRA = new GeoPoint(5.6037, -0.1870);
    private static final double EARTH_RADIUS_KM = 6371.0088;

    private Geo() {
    }

    /** The point {@code km} away from {@code from} in the direction {@code bearingDegrees} (0 = north, 90 = east). */
    public static GeoPoint pointAt(GeoPoint from, double bearingDegrees, double km) {
        double delta = km / EARTH_RADIUS_KM;
        double theta = Math.toRadians(bearingDegrees);
        double phi1 = Math.toRadians(from.lat());
        double lambda1 = Math.toRadians(from.lng());
        double phi2 = Math.asin(Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta));
        double lambda2 = lambda1 + Math.atan2(Math.sin(theta) * Math.sin(delta) * Math.cos(phi1),
                Math.cos(delta) - Math.sin(phi1) * Math.sin(phi2));
        return new GeoPoint(Math.toDegrees(phi2), Math.toDegrees(lambda2));
    }
}
