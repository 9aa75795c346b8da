package dev.gigstream.query.common;

import com.mongodb.client.model.Filters;
import dev.gigstream.messages.common.BoundingBox;
import dev.gigstream.messages.common.GeoPoint;
import org.bson.conversions.Bson;

/**
 * Distance search that runs the same on a real MongoDB and on the in-process server (which has no
 * geo operators): an index-friendly range query on latitude and longitude for the bounding box of
 * the circle, narrowed by the exact great-circle distance.
 */
public final class Nearby {

    private Nearby() {
    }

    /** The range filter on {@code <field>.lat} and {@code <field>.lng} for the box around the circle. */
    public static Bson inBoxAround(String field, GeoPoint centre, double radiusKm) {
        BoundingBox box = BoundingBox.around(centre, radiusKm);
        return Filters.and(
                Filters.gte(field + ".lat", box.minLat()), Filters.lte(field + ".lat", box.maxLat()),
                Filters.gte(field + ".lng", box.minLng()), Filters.lte(field + ".lng", box.maxLng()));
    }

    /** The exact distance to {@code point}, or a negative number when it lies outside the circle. */
    public static double distanceWithin(GeoPoint centre, double radiusKm, GeoPoint point) {
        double km = centre.distanceKmTo(point);
        return km <= radiusKm ? km : -1;
    }
}
