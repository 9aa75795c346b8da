package dev.gigstream.api.personal;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A worker's profile with personal data in it, and what its stored events may and may not show. */
final class WorkerProfileSteps {

    static final String NAME = "Ada Obi";
    static final String BIO = "Barista and event staff in Yaba";
    static final String ACCOUNT_NUMBER = "0123456789";
    static final String PHONE = "2348012345678";

    private WorkerProfileSteps() {
    }

    static Map<String, Object> profile() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("skills", List.of("barista"));
        body.put("bio", BIO);
        body.put("home", Map.of("lat", 6.5095, "lng", 3.3711));
        body.put("availability", List.of(Map.of("dayOfWeek", "MONDAY", "from", "08:00", "to", "18:00")));
        body.put("payout", Map.of("bankCode", "058", "accountNumber", ACCOUNT_NUMBER, "accountName", NAME));
        return body;
    }

    static List<String> storedPayloads(JdbcClient jdbc, String workerId) {
        return jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = :id ORDER BY sequence_number")
                .param("id", workerId)
                .query((rs, n) -> new String(rs.getBytes(1), StandardCharsets.UTF_8))
                .list();
    }

    /** The registration and the profile are stored, with envelopes where the personal values were. */
    static void assertNothingPersonalInClear(List<String> payloads, String workerId) {
        String envelope = "\"pd1:1:" + workerId + ":";
        assertThat(payloads).anySatisfy(p -> assertThat(p).contains("\"fullName\":" + envelope));
        assertThat(payloads).anySatisfy(p -> assertThat(p)
                .contains("\"bio\":" + envelope, "\"home\":" + envelope, "\"payout\":" + envelope, "\"skills\":[\"barista\"]"));
        assertThat(String.join("\n", payloads))
                .doesNotContain(NAME, ACCOUNT_NUMBER, BIO, "Yaba", "6.5095", PHONE);
    }
}
