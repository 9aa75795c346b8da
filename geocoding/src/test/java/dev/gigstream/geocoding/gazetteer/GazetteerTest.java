package dev.gigstream.geocoding.gazetteer;

import dev.gigstream.geocoding.GeocodedAddress;
import dev.gigstream.geocoding.Geocoder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The gazetteer shipped with the app, asked as a job post or {@code GET /geocode} would ask it. */
class GazetteerTest {

    private static final Gazetteer GAZETTEER = Gazetteer.bundled();

    private static GeocodedAddress located(String address, String country) {
        return GAZETTEER.locate(address, country).orElseThrow(() -> new AssertionError("not found: " + address));
    }

    private static void near(GeocodedAddress found, double lat, double lng) {
        assertThat(found.lat()).isCloseTo(lat, within(0.02));
        assertThat(found.lng()).isCloseTo(lng, within(0.02));
    }

    @Test
    void knowsTheMainCitiesOfBothCountries() {
        assertThat(GAZETTEER.size()).isGreaterThan(1_000);
        near(located("Ibadan", "NG"), 7.378, 3.906);
        near(located("Port Harcourt", "NG"), 4.777, 7.013);
        near(located("Kano", "NG"), 12.0, 8.517);
        near(located("Kumasi", "GH"), 6.688, -1.624);
        near(located("Tamale", "GH"), 9.401, -0.839);
        near(located("Takoradi", "GH"), 4.898, -1.760);
    }

    @Nested
    class Districts {

        @Test
        void aDistrictNamedWithItsCityIsTheDistrict() {
            var yaba = located("12 Herbert Macaulay Way, Yaba, Lagos", "NG");

            near(yaba, 6.511, 3.379);
            assertThat(yaba.formattedAddress()).isEqualTo("12 Herbert Macaulay Way, Yaba, Lagos, Nigeria");
            assertThat(yaba.geocodedBy()).isEqualTo(Geocoder.GAZETTEER);
        }

        @Test
        void theAnswerNamesThePlaceFoundAfterTheStreetAsGiven() {
            assertThat(located("Yaba, Lagos", "NG").formattedAddress()).isEqualTo("Yaba, Lagos, Nigeria");
            assertThat(located("  Block C; Osu!!", "GH").formattedAddress()).isEqualTo("Block C, Osu, Greater Accra, Ghana");
        }

        @Test
        void theLongestNameWinsOverTheNamesWithinIt() {
            assertThat(located("Plot 1061, Wuse II, Abuja", "NG").formattedAddress())
                    .isEqualTo("Plot 1061, Wuse II, Federal Capital Territory, Nigeria");
            assertThat(located("Adeola Odeku, Victoria Island, Lagos", "NG").formattedAddress())
                    .isEqualTo("Adeola Odeku, Victoria Island, Lagos, Nigeria");
            assertThat(located("Lagos Island", "NG").formattedAddress()).isEqualTo("Lagos Island, Lagos, Nigeria");
        }

        @Test
        void districtsOfAccraAbujaAndLagos() {
            near(located("Osu, Accra", "GH"), 5.557, -0.186);
            near(located("East Legon, Accra", "GH"), 5.636, -0.161);
            near(located("Madina", "GH"), 5.683, -0.166);
            near(located("Maitama, Abuja", "NG"), 9.088, 7.493);
            near(located("Ikeja GRA, Lagos", "NG"), 6.597, 3.342);
            near(located("Admiralty Way, Lekki, Lagos", "NG"), 6.446, 3.477);
        }

        @Test
        void wordsBeforeAStreetWordNameTheStreetNotAPlace() {
            assertThat(located("25 Ikorodu Road, Maryland", "NG").formattedAddress()).isEqualTo("25 Ikorodu Road, Maryland, Lagos, Nigeria");
            assertThat(located("4 Lagos St., Garki", "NG").formattedAddress())
                    .isEqualTo("4 Lagos St., Garki, Federal Capital Territory, Nigeria");
        }
    }

    @Nested
    class Ambiguity {

        @Test
        void thePlaceInTheStateTheAddressNamesWins() {
            near(located("Garki, Abuja", "NG"), 9.035, 7.488);
            near(located("Garki, Jigawa State", "NG"), 12.435, 9.190);
            near(located("Sabon Gari, Kano", "NG"), 12.013, 8.531);
            near(located("Sabon Gari, Zaria", "NG"), 11.100, 7.720);
        }

        @Test
        void withNothingElseToGoByTheMorePopulousPlaceWins() {
            assertThat(located("Daura", "NG").formattedAddress()).isEqualTo("Daura, Yobe, Nigeria");
            assertThat(located("Daura, Katsina", "NG").formattedAddress()).isEqualTo("Daura, Katsina, Nigeria");
        }
    }

    @Nested
    class Spelling {

        @ParameterizedTest
        @ValueSource(strings = {"sekondi-takoradi", "SEKONDI TAKORADI", "Sékondi-Takoradi", "  Sekondi -- Takoradi. "})
        void caseAccentsAndPunctuationDoNotMatter(String address) {
            near(located(address, "GH"), 4.927, -1.758);
        }

        @Test
        void anotherNameOfAPlaceFindsIt() {
            near(located("Obuasi", "GH"), located("Obuase", "GH").lat(), located("Obuase", "GH").lng());
            assertThat(located("Gwarimpa, Abuja", "NG").formattedAddress())
                    .isEqualTo("Gwarinpa, Federal Capital Territory, Nigeria");
        }
    }

    @Nested
    class Country {

        @Test
        void onlyPlacesOfTheAskedCountryAreFound() {
            assertThat(located("Osu", "NG").formattedAddress()).isEqualTo("Osu, Osun, Nigeria");
            assertThat(located("Osu", "gh").formattedAddress()).isEqualTo("Osu, Greater Accra, Ghana");
            assertThat(GAZETTEER.locate("Kumasi", "NG")).isEmpty();
            assertThat(GAZETTEER.locate("Yaba, Lagos", "GH")).isEmpty();
            assertThat(GAZETTEER.locate("Lagos", "FR")).isEmpty();
        }
    }

    @Nested
    class NotFound {

        @ParameterizedTest
        @ValueSource(strings = {"1 Infinite Loop, Cupertino", "Nowhere in particular", "", "   ", "12, 14 / 3"})
        void anAddressNamingNoKnownPlaceHasNoAnswer(String address) {
            assertThat(GAZETTEER.locate(address, "NG")).isEmpty();
        }

        @Test
        void aStateAloneIsNotAPlace() {
            assertThat(GAZETTEER.locate("Lagos State", "NG")).isEmpty();
        }
    }
}
