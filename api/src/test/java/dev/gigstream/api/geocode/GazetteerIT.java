package dev.gigstream.api.geocode;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Addresses placed by the offline gazetteer, as on the embedded default: no Google key, the gazetteer
 * switched on by its property (it is off on the postgres profile unless asked for).
 */
@PostgresIT
@TestPropertySource(properties = {"gigstream.geocoding.gazetteer=true", "gigstream.geocoding.api-key=",
        "gigstream.geocoding.per-user-limit.requests=3", "gigstream.geocoding.per-user-limit.per=1h"})
class GazetteerIT {

    @Autowired
    Api api;

    @Test
    void aJobPostedWithAnAddressAloneIsPlacedAtTheDistrictItNames() {
        var client = api.signUp("CLIENT");

        JsonNode posted = api.post("/api/v1/jobs", job(Map.of("address", "12 Herbert Macaulay Way, Yaba, Lagos"), "NGN"),
                client.accessToken()).expect(201).json();

        assertThat(posted.get("geocodedBy").asText()).isEqualTo("GAZETTEER");
        JsonNode job = new Marketplace(api).awaitJob(posted.get("jobId").asText(), client.accessToken(), any -> true);
        assertThat(job.get("location").get("lat").asDouble()).isCloseTo(6.511, within(0.02));
        assertThat(job.get("location").get("lng").asDouble()).isCloseTo(3.379, within(0.02));
        assertThat(job.get("location").get("address").asText()).isEqualTo("12 Herbert Macaulay Way, Yaba, Lagos, Nigeria");
        assertThat(job.get("geocodedBy").asText()).isEqualTo("GAZETTEER");
    }

    @Test
    void aJobPaidInCedisIsPlacedInGhana() {
        var client = api.signUp("CLIENT");

        JsonNode posted = api.post("/api/v1/jobs", job(Map.of("address", "Oxford Street, Osu"), "GHS"), client.accessToken())
                .expect(201).json();

        JsonNode job = new Marketplace(api).awaitJob(posted.get("jobId").asText(), client.accessToken(), any -> true);
        assertThat(job.get("location").get("address").asText()).isEqualTo("Oxford Street, Osu, Greater Accra, Ghana");
        assertThat(job.get("location").get("lng").asDouble()).isCloseTo(-0.186, within(0.02));
    }

    @Test
    void anAddressNamingNoKnownPlaceIsRefusedAndStoresNothing() {
        var client = api.signUp("CLIENT");

        var refused = api.post("/api/v1/jobs", job(Map.of("address", "1 Infinite Loop, Cupertino"), "NGN"), client.accessToken());

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("code").asText()).isEqualTo("ADDRESS_NOT_FOUND");
        assertThat(api.get("/api/v1/jobs?mine=true", client.accessToken()).expect(200).json().get("total").asInt()).isZero();
    }

    @Test
    void aJobGivenByCoordinatesSaysNothingOfAGeocoder() {
        var client = api.signUp("CLIENT");

        JsonNode posted = api.post("/api/v1/jobs", job(Map.of("lat", 6.5, "lng", 3.4, "address", "Gate 2, Yaba"), "NGN"),
                client.accessToken()).expect(201).json();

        assertThat(posted.has("geocodedBy")).isFalse();
        JsonNode job = new Marketplace(api).awaitJob(posted.get("jobId").asText(), client.accessToken(), any -> true);
        assertThat(job.get("geocodedBy").isNull()).isTrue();
        assertThat(job.get("location").get("address").asText()).isEqualTo("Gate 2, Yaba");
    }

    @Test
    void theGeocodeEndpointAnswersFromTheGazetteerToo() {
        var worker = api.signUp("WORKER");

        JsonNode place = api.get("/api/v1/geocode?address=East%20Legon%2C%20Accra&country=GH", worker.accessToken())
                .expect(200).json();
        var outside = api.get("/api/v1/geocode?address=East%20Legon&country=NG", worker.accessToken());

        assertThat(place.get("formattedAddress").asText()).isEqualTo("East Legon, Greater Accra, Ghana");
        assertThat(place.get("geocodedBy").asText()).isEqualTo("GAZETTEER");
        assertThat(place.get("lat").asDouble()).isCloseTo(5.636, within(0.02));
        assertThat(outside.status()).as(outside.body()).isEqualTo(400);
        assertThat(outside.json().get("code").asText()).isEqualTo("ADDRESS_NOT_FOUND");
    }

    @Test
    void theGazetteerCostsNoCallToGoogleButAnAccountsOwnLimitStillHolds() {
        var worker = api.signUp("WORKER");
        for (String address : List.of("Yaba", "Ikeja", "Surulere")) {
            api.get("/api/v1/geocode?address=" + address, worker.accessToken()).expect(200);
        }

        var fourth = api.get("/api/v1/geocode?address=Apapa", worker.accessToken());

        assertThat(fourth.status()).as(fourth.body()).isEqualTo(429);
        assertThat(fourth.json().get("code").asText()).isEqualTo("RATE_LIMITED");
        api.get("/api/v1/geocode?address=Apapa", api.signUp("WORKER").accessToken()).expect(200);
    }

    private static Map<String, Object> job(Map<String, Object> location, String currency) {
        Instant start = Instant.now().plus(Duration.ofHours(3));
        return Map.of("title", "Usher for a wedding", "description", "Guests at the door", "requiredSkills", List.of("usher"),
                "location", location, "shift", Map.of("start", start.toString(), "end", start.plus(Duration.ofHours(5)).toString()),
                "pay", Map.of("amount", 800_000, "currency", currency));
    }
}
