package dev.gigstream.api.web;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies past the limits are answered 413 problem+json without being read in full, and change nothing. */
@PostgresIT
class RequestBodyLimitIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void aJsonBodyOverOneMegabyteIs413() {
        long accounts = accounts();
        var refused = api.post("/api/v1/auth/register", registrationOfSize(1_500_000), null);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");

        var underTheLimit = api.post("/api/v1/auth/register", registrationOfSize(900_000), null);
        assertThat(underTheLimit.status()).as("read, then refused for what it says").isEqualTo(400);
        assertThat(accounts()).isEqualTo(accounts);
    }

    @Test
    void aBodyWithoutALengthIsCutOffAtTheLimit() throws Exception {
        byte[] body = registrationOfSize(1_500_000).getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> refused = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aWebhookOver64KilobytesIs413BeforeItsSignatureIsChecked() {
        long recorded = jdbc.sql("SELECT count(*) FROM paystack_webhook_event").query(Long.class).single();
        String padded = Marketplace.chargeSuccess("gs-esc-00000000-0000-0000-0000-000000000000", 100, 0)
                .replaceFirst("\\{", "{\"padding\":\"" + "x".repeat(70_000) + "\",");
        var refused = new Marketplace(api).deliverSigned(padded);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        var unsigned = api.send("POST", "/api/v1/webhooks/paystack", padded, null, Map.of());
        assertThat(unsigned.status()).isEqualTo(413);
        assertThat(jdbc.sql("SELECT count(*) FROM paystack_webhook_event").query(Long.class).single()).isEqualTo(recorded);
    }

    private static String registrationOfSize(int bytes) {
        return "{\"email\":\"big@example.com\",\"password\":\"correct horse battery staple\",\"role\":\"CLIENT\","
                + "\"phone\":\"+2348012345678\",\"fullName\":\"" + "a".repeat(bytes) + "\"}";
    }

    private long accounts() {
        return jdbc.sql("SELECT count(*) FROM account").query(Long.class).single();
    }
}
