package dev.gigstream.api.storage;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.messages.escrow.EscrowFunded;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An escrow funded under the version before {@code EscrowFunded} revision 2: its funding is stored as that
 * version stored it (revision null, {@code processorFee} a bare number, the row written with SQL as its
 * event store wrote it) and this version reads it through the real event store: the payment saga and the
 * job go on as after any funding, the escrow read model shows it funded and balanced, and auditors read
 * the event with its fee as money and the escrow rebuilt from it.
 */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD})
class EscrowFundedBeforeRevision2IT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long PROCESSOR_FEE = 34_750;

    @Autowired
    Api api;
    @Autowired
    DataSource dataSource;

    @Test
    void aFundingStoredWithItsFeeAsANumberIsReadAsMoneyByEveryReader() throws IOException {
        var market = new Marketplace(api);
        var hire = market.hiredShift();
        String escrowId = hire.escrowId();
        // the checkout page is recorded on the escrow before its funding is, as Paystack's page comes first
        market.awaitJson("/api/v1/escrows/" + escrowId, hire.client().accessToken(),
                escrow -> escrow.hasNonNull("authorizationUrl"));
        long total = hire.answer().get("total").get("amount").asLong();

        storeAsThePreviousVersionDid(escrowId, hire.jobId(), total);

        market.awaitJob(hire.jobId(), hire.client().accessToken(), job -> "FUNDED".equals(job.get("status").asText()));
        JsonNode escrow = market.awaitJson("/api/v1/escrows/" + escrowId, hire.client().accessToken(),
                e -> "FUNDED".equals(e.get("status").asText()));
        Marketplace.assertBalanced(escrow);
        assertThat(escrow.get("ledger").findParents("account").stream()
                .filter(entry -> "PROCESSOR_FEES".equals(entry.get("account").asText())).map(entry -> entry.get("amount").asLong()))
                .containsExactly(PROCESSOR_FEE);

        String admin = market.admin().accessToken();
        JsonNode events = api.get("/api/v1/audit/aggregates/" + escrowId + "/events", admin).expect(200).json();
        JsonNode funded = events.findParents("type").stream()
                .filter(e -> "EscrowFunded".equals(e.get("type").asText())).findFirst().orElseThrow();
        assertThat(funded.get("payload").get("processorFee").get("amount").asLong()).isEqualTo(PROCESSOR_FEE);
        assertThat(funded.get("payload").get("processorFee").get("currency").asText()).isEqualTo("NGN");
        JsonNode state = api.get("/api/v1/audit/aggregates/" + escrowId + "/state", admin).expect(200).json();
        assertThat(state.get("type").asText()).isEqualTo("EscrowPayment");
        assertThat(state.get("state").get("status").asText()).isEqualTo("FUNDED");
    }

    /** The next event of the escrow, as the previous version's JDBC event store wrote an {@code EscrowFunded}. */
    private void storeAsThePreviousVersionDid(String escrowId, String jobId, long total) throws IOException {
        ObjectNode payload = (ObjectNode) JSON.readTree(storedBeforeRevision2());
        payload.put("escrowId", escrowId).put("jobId", jobId);
        ((ObjectNode) payload.get("funded")).put("amount", total);
        payload.put("processorFee", PROCESSOR_FEE);
        ArrayNode postings = (ArrayNode) payload.get("postings");
        ((ObjectNode) postings.get(0)).put("amount", total - PROCESSOR_FEE);
        ((ObjectNode) postings.get(1)).put("amount", PROCESSOR_FEE);
        ((ObjectNode) postings.get(2)).put("amount", -total);
        var jdbc = new JdbcTemplate(dataSource);
        long next = jdbc.queryForObject("SELECT max(sequence_number) + 1 FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, escrowId);
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                        + " payload_type, payload_revision, payload, meta_data) VALUES (?, ?, ?, 'EscrowPayment', ?, ?, NULL, ?, ?)",
                UUID.randomUUID().toString(), escrowId, next, Instant.now().toString(), EscrowFunded.class.getName(),
                payload.toString().getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] storedBeforeRevision2() throws IOException {
        try (InputStream in = EscrowFundedBeforeRevision2IT.class.getResourceAsStream("/stored-events/EscrowFunded-revision-null.json")) {
            return in.readAllBytes();
        }
    }
}
