package dev.gigstream.api.geocode;

import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PackagedApp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The packaged app on the embedded default, as a new user starts it, without a Google key: the gazetteer answers. */
class EmbeddedGazetteerIT {

    @Test
    void theEmbeddedDefaultPlacesAnAddressAloneWithTheGazetteer() throws Exception {
        var app = PackagedApp.embedded("gazetteer-embedded").start();
        try {
            var api = app.api();
            var client = api.signUp("CLIENT");
            Instant start = Instant.now().plus(Duration.ofHours(3));

            JsonNode posted = api.post("/api/v1/jobs", Map.of("title", "Barista for a launch", "requiredSkills", List.of("barista"),
                    "location", Map.of("address", "Plot 7, Maitama, Abuja"),
                    "shift", Map.of("start", start.toString(), "end", start.plus(Duration.ofHours(4)).toString()),
                    "pay", Map.of("amount", 600_000, "currency", "NGN")), client.accessToken()).expect(201).json();
            JsonNode job = new Marketplace(api).awaitJob(posted.get("jobId").asText(), client.accessToken(), any -> true);

            assertThat(posted.get("geocodedBy").asText()).isEqualTo("GAZETTEER");
            assertThat(job.get("location").get("lat").asDouble()).isCloseTo(9.088, within(0.02));
            assertThat(job.get("location").get("address").asText()).isEqualTo("Plot 7, Maitama, Federal Capital Territory, Nigeria");
            assertThat(app.logText()).contains("Geocoding: the offline gazetteer");
        } finally {
            app.stop();
        }
    }
}
