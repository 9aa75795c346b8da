package dev.gigstream.messages.job;

import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.NotPersonal;

import java.util.Objects;

/**
 * Where a shift takes place: the point workers check in at, and the address people read.
 * {@code geocodedBy} says who found the point when the client gave the address alone; null when the
 * client gave the coordinates, and in events stored before it was recorded (unknown).
 */
public record JobSite(GeoPoint point, @NotPersonal String address, GeocodedBy geocodedBy) {

    public JobSite {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(address, "address");
    }

    /** A site given by its coordinates. */
    public JobSite(GeoPoint point, String address) {
        this(point, address, null);
    }
}
