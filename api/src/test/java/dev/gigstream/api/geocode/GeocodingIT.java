package dev.gigstream.api.geocode;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.geocoding.GeocodingStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Places typed as addresses, turned into points by Google's Geocoding API (played by a local stand-in). */
@PostgresIT
class GeocodingIT {

    private static final String KEY = "google-maps-test-key";
    private static final GeocodingStandIn GOOGLE = new GeocodingStandIn(KEY)
            .knows("NG", "marina", 6.4541, 3.3947, "1 Marina, Lagos Island, Lagos, Nigeria")
            .knows("GH", "osu", 5.5560, -0.1820, "Oxford Street, Osu, Accra, Ghana");

    @DynamicPropertySource
    static void google(DynamicPropertyRegistry registry) {
        registry.add("gigstream.geocoding.base-url", GOOGLE::baseUrl);
        registry.add("gigstream.geocoding.api-key", () -> KEY);
    }

    @AfterAll
    static void close() {
        GOOGLE.close();
    }

    @Autowired
    Api api;

    @Test
    void aJobPostedWithAnAddressAloneLandsInTheFeedAtTheGeocodedPoint() {
        var client = api.signUp("CLIENT");
        JsonNode posted = api.post("/api/v1/jobs", job(Map.of("address", "1 Marina, Lagos"), "NGN"), client.accessToken())
                .expect(201).json();
        String jobId = posted.get("jobId").asText();
        assertThat(posted.get("geocodedBy").asText()).isEqualTo("GOOGLE");

        JsonNode feed = new Marketplace(api).awaitJson("/api/v1/jobs?lat=6.4541&lng=3.3947&radiusKm=1", client.accessToken(),
                page -> page.get("items").findValuesAsString("jobId").contains(jobId));
        JsonNode item = feed.get("items").valueStream().filter(j -> jobId.equals(j.get("jobId").asText())).findFirst().orElseThrow();
        assertThat(item.get("location").get("lat").asDouble()).isEqualTo(6.4541);
        assertThat(item.get("location").get("address").asText()).isEqualTo("1 Marina, Lagos Island, Lagos, Nigeria");
        assertThat(GOOGLE.requests()).last().satisfies(request -> assertThat(request.components()).isEqualTo("country:NG"));
    }

    @Test
    void anAddressGoogleCannotFindIsRefusedAndStoresNothing() {
        var client = api.signUp("CLIENT");

        var refused = api.post("/api/v1/jobs", job(Map.of("address", "Nowhere Street 99"), "NGN"), client.accessToken());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asText()).isEqualTo("ADDRESS_NOT_FOUND");
        assertThat(api.get("/api/v1/jobs?mine=true", client.accessToken()).expect(200).json().get("total").asInt()).isZero();
        assertThat(code(api.post("/api/v1/jobs", job(Map.of("lat", 6.45, "address", "half"), "NGN"), client.accessToken()), 400))
                .isEqualTo("INVALID_REQUEST");
    }

    @Test
    void whenGoogleIsOverItsQuotaGeocodingIsUnavailable() {
        var client = api.signUp("CLIENT");
        GOOGLE.answerNext(10, "OVER_QUERY_LIMIT");

        var refused = api.post("/api/v1/jobs", job(Map.of("address", "2 Marina, Lagos"), "NGN"), client.accessToken());

        GOOGLE.answerNext(0, "OK");
        assertThat(code(refused, 503)).isEqualTo("GEOCODING_UNAVAILABLE");
    }

    @Test
    void theGeocodeEndpointAndAWorkersHomeUseTheSameGeocoding() {
        var worker = api.signUp("WORKER");
        JsonNode place = api.get("/api/v1/geocode?address=Oxford%20Street%20Osu&country=GH", worker.accessToken())
                .expect(200).json();
        assertThat(place.get("lat").asDouble()).isEqualTo(5.5560);
        assertThat(place.get("formattedAddress").asText()).isEqualTo("Oxford Street, Osu, Accra, Ghana");
        assertThat(place.get("geocodedBy").asText()).isEqualTo("GOOGLE");
        assertThat(api.get("/api/v1/geocode?address=Osu&country=US", worker.accessToken()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/geocode?address=Osu", null).status()).isEqualTo(401);

        JsonNode profile = api.put("/api/v1/workers/me/profile", Map.of("skills", List.of("barista"),
                "home", Map.of("address", "Osu, Accra", "country", "GH"), "availability", List.of()), worker.accessToken())
                .expect(200).json();
        assertThat(profile.get("home").get("lat").asDouble()).isEqualTo(5.5560);
    }

    private static Map<String, Object> job(Map<String, Object> location, String currency) {
        Instant start = Instant.now().plus(Duration.ofHours(3));
        return Map.of("title", "Usher for a wedding", "description", "Guests at the door", "requiredSkills", List.of("usher"),
                "location", location, "shift", Map.of("start", start.toString(), "end", start.plus(Duration.ofHours(5)).toString()),
                "pay", Map.of("amount", 800_000, "currency", currency));
    }

    private static String code(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json().get("code").asText();
    }
}
