package dev.gigstream.api.job;

import dev.gigstream.messages.job.GeocodedBy;
import dev.gigstream.messages.job.JobSite;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code JobSite} in stored {@code JobPosted} events: {@code geocodedBy} was added later, so older events read it as unknown. */
class JobSiteJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aSiteStoredBeforeGeocodedByExistedReadsAsUnknown() {
        JobSite old = JSON.readValue("{\"point\":{\"lat\":6.45,\"lng\":3.39},\"address\":\"1 Marina, Lagos\"}", JobSite.class);

        assertThat(old.address()).isEqualTo("1 Marina, Lagos");
        assertThat(old.geocodedBy()).isNull();
    }

    @Test
    void aGeocodedSiteKeepsItsGeocoder() {
        JobSite read = JSON.readValue("{\"point\":{\"lat\":6.511,\"lng\":3.379},\"address\":\"Yaba, Lagos, Nigeria\","
                + "\"geocodedBy\":\"GAZETTEER\"}", JobSite.class);

        assertThat(read.geocodedBy()).isEqualTo(GeocodedBy.GAZETTEER);
        assertThat(JSON.readValue(JSON.writeValueAsString(read), JobSite.class)).isEqualTo(read);
    }
}
