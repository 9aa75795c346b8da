package dev.gigstream.messages.job;

import dev.gigstream.messages.common.GeoPoint;

import java.util.Objects;

/** Where a shift takes place: the point workers check in at, and the address people read. */
public record JobSite(GeoPoint point, String address) {

    public JobSite {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(address, "address");
    }
}
