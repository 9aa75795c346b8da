package dev.gigstream.geocoding.gazetteer;

import java.util.List;

/** A state (Nigeria) or region (Ghana): its GeoNames admin1 code, its name, and the names an address may call it by. */
record Region(String country, String code, String name, List<String> names) {
}
