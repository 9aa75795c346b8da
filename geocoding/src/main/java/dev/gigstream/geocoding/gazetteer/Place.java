package dev.gigstream.geocoding.gazetteer;

import java.util.List;
import java.util.stream.Stream;

/**
 * A place of the gazetteer: its name, the other names an address may call it by, its state or region
 * (the GeoNames admin1 code within {@code country}), where it is, and how many live there (0: not
 * known). {@code kind}: DISTRICT (a part of a city), TOWN, or CAPITAL (of the country or of a state
 * or region).
 */
record Place(String name, List<String> otherNames, String region, String country, double lat, double lng,
             long population, Kind kind) {

    enum Kind {
        DISTRICT,
        TOWN,
        CAPITAL
    }

    List<String> names() {
        return Stream.concat(Stream.of(name), otherNames.stream()).toList();
    }
}
