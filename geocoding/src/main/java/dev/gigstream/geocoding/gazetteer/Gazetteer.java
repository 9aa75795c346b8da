package dev.gigstream.geocoding.gazetteer;

import dev.gigstream.geocoding.GeocodedAddress;
import dev.gigstream.geocoding.Geocoder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * An offline geocoder for Nigeria and Ghana: the cities, towns and districts of a small gazetteer
 * shipped with the app (GeoNames, CC BY 4.0, with a few hand-curated districts; see the NOTICE beside
 * the data). It finds the places and states or regions an address names and answers the most
 * specific place: the one that most of the other names agree with (Yaba in Lagos for "Yaba, Lagos"),
 * then the one named first (addresses go from the street to the country), then the most populous.
 * The answer is the place's centre, and the address as given up to the place followed by the place,
 * its state or region and its country ("12 Herbert Macaulay Way, Yaba, Lagos, Nigeria"), so that the
 * street a worker must find is kept.
 * Words before a street word name a street ("Ikorodu Road"), not a place. Only places in the asked
 * country are considered; an address naming no known place there has no answer.
 */
public final class Gazetteer {

    static final String PLACES = "/dev/gigstream/geocoding/gazetteer/places.tsv";
    static final String REGIONS = "/dev/gigstream/geocoding/gazetteer/regions.tsv";

    private static final Map<String, String> COUNTRY_NAMES = Map.of("NG", "Nigeria", "GH", "Ghana");
    private static final Pattern TRAILING_SEPARATORS = Pattern.compile("[\\s,;:/|\\-]+$");

    /** A place or a region named by the words {@code [start, end)} of an address. */
    private record Mention(int start, int end, List<Place> places, List<Region> regions) {

        boolean overlaps(Mention other) {
            return start < other.end && other.start < end;
        }

        boolean within(Mention other) {
            return other.start <= start && end <= other.end && other.end - other.start > end - start;
        }
    }

    private record Candidate(Place place, Mention mention, int support) {
    }

    private final Map<String, List<Place>> placesByName = new HashMap<>();
    private final Map<String, List<Region>> regionsByName = new HashMap<>();
    private final Map<String, Region> regions = new HashMap<>();
    private final int longestName;
    private final int size;

    Gazetteer(List<Place> places, List<Region> regions) {
        int longest = 1;
        for (Place place : places) {
            for (String name : place.names()) {
                String folded = PlaceNames.fold(name);
                List<Place> named = placesByName.computeIfAbsent(folded, unused -> new ArrayList<>());
                if (!named.contains(place)) {
                    named.add(place);
                }
                longest = Math.max(longest, PlaceNames.words(name).size());
            }
        }
        for (Region region : regions) {
            this.regions.put(region.country() + "." + region.code(), region);
            for (String name : region.names()) {
                regionsByName.computeIfAbsent(PlaceNames.fold(name), unused -> new ArrayList<>()).add(region);
                longest = Math.max(longest, PlaceNames.words(name).size());
            }
        }
        this.longestName = longest;
        this.size = places.size();
    }

    /** The gazetteer shipped in this module's resources. */
    public static Gazetteer bundled() {
        return new Gazetteer(read(PLACES, Gazetteer::place), read(REGIONS, Gazetteer::region));
    }

    /** How many places it knows. */
    public int size() {
        return size;
    }

    /**
     * The most specific place {@code address} names in the country {@code countryCode} (NG or GH; any
     * other country has no places here), as a point with a formatted address such as
     * "Yaba, Lagos, Nigeria"; empty when it names none.
     */
    public Optional<GeocodedAddress> locate(String address, String countryCode) {
        String country = countryCode == null ? "" : countryCode.strip().toUpperCase(Locale.ROOT);
        String text = address == null ? "" : address;
        List<PlaceNames.Word> words = PlaceNames.wordsOf(text);
        List<Mention> mentions = mentions(words.stream().map(PlaceNames.Word::text).toList(), country);
        return mentions.stream()
                .filter(mention -> !mention.places().isEmpty())
                .flatMap(mention -> mention.places().stream()
                        .map(place -> new Candidate(place, mention, support(place, mention, mentions))))
                .min(Comparator.comparingInt((Candidate c) -> -c.support())
                        .thenComparingInt(c -> c.mention().start())
                        .thenComparingInt(c -> -(c.mention().end() - c.mention().start()))
                        .thenComparingLong(c -> -c.place().population()))
                .map(found -> answer(found.place(), streetPart(text, words.get(found.mention().start()).at())));
    }

    /** What the address says before the place, without the separators that end it: "12 Herbert Macaulay Way". */
    private static String streetPart(String address, int placeAt) {
        return TRAILING_SEPARATORS.matcher(address.substring(0, placeAt)).replaceAll("").strip();
    }

    /**
     * Every name of a place or a region of {@code country} among the words, except place names followed
     * by a street word, and names within a longer name ("Lagos" in "Lagos Island" or in "Lagos State").
     */
    private List<Mention> mentions(List<String> words, String country) {
        List<Mention> found = new ArrayList<>();
        for (int start = 0; start < words.size(); start++) {
            for (int end = start + 1; end <= Math.min(words.size(), start + longestName); end++) {
                String name = String.join(" ", words.subList(start, end));
                boolean street = end < words.size() && PlaceNames.namesAStreet(words.get(end));
                List<Place> places = street ? List.of() : placesByName.getOrDefault(name, List.of()).stream()
                        .filter(place -> place.country().equals(country)).toList();
                List<Region> regions = regionsByName.getOrDefault(name, List.of()).stream()
                        .filter(region -> region.country().equals(country)).toList();
                if (!places.isEmpty() || !regions.isEmpty()) {
                    found.add(new Mention(start, end, places, regions));
                }
            }
        }
        return found.stream().filter(mention -> found.stream().noneMatch(mention::within)).toList();
    }

    /** How many other names in the address agree with {@code place}: a place or the state or region in its state or region. */
    private static int support(Place place, Mention of, List<Mention> mentions) {
        int support = 0;
        for (Mention other : mentions) {
            if (other.overlaps(of)) {
                continue;
            }
            boolean agrees = other.regions().stream().anyMatch(region -> region.code().equals(place.region()))
                    || other.places().stream().anyMatch(near -> near.region().equals(place.region()));
            if (agrees) {
                support++;
            }
        }
        return support;
    }

    /** The place's centre; its address is the street part as given, the place, its state or region, and the country. */
    private GeocodedAddress answer(Place place, String streetPart) {
        Region region = regions.get(place.country() + "." + place.region());
        StringBuilder formatted = new StringBuilder(streetPart.isEmpty() ? "" : streetPart + ", ").append(place.name());
        if (region != null && !region.name().equalsIgnoreCase(place.name())) {
            formatted.append(", ").append(region.name());
        }
        formatted.append(", ").append(COUNTRY_NAMES.getOrDefault(place.country(), place.country()));
        return new GeocodedAddress(place.lat(), place.lng(), formatted.toString(), Geocoder.GAZETTEER);
    }

    private static Place place(String[] columns) {
        return new Place(columns[0], names(columns[1]), columns[2], columns[3], Double.parseDouble(columns[4]),
                Double.parseDouble(columns[5]), Long.parseLong(columns[6]), Place.Kind.valueOf(columns[7]));
    }

    private static Region region(String[] columns) {
        return new Region(columns[0], columns[1], columns[2], names(columns[3]));
    }

    private static List<String> names(String column) {
        return column.isEmpty() ? List.of() : Arrays.asList(column.split("\\|"));
    }

    private static <T> List<T> read(String resource, Function<String[], T> row) {
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The gazetteer's " + resource + " is missing from the classpath");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return lines.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> row.apply(line.split("\t", -1)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the gazetteer's " + resource, e);
        }
    }
}
