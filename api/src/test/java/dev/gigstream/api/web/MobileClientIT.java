package dev.gigstream.api.web;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client on a slow, metered network polls its job, its feed and a worker's profile: an unchanged
 * answer costs a 304 without a body, a changed one a 200 with a new ETag, and any answer is gzipped
 * when the client accepts it. Prints what one poll costs, plain, gzipped and unchanged.
 */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD})
class MobileClientIT {

    private static final Map<String, String> GZIP = Map.of("Accept-Encoding", "gzip");

    @Autowired
    Api api;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void anUnchangedJobAnswers304AndAChangedOneItsNewState() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        String path = "/api/v1/jobs/" + market.jobStartingSoon(client);
        market.awaitJob(path.substring(path.lastIndexOf('/') + 1), client.accessToken(), job -> true);
        String etag = settledEtag(path, client.accessToken());

        var unchanged = ifNoneMatch(path, client.accessToken(), etag);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.header("ETag")).isEqualTo(etag);

        api.post(path + "/cancel", Map.of("reason", "The launch moved"), client.accessToken()).expect(202);
        var changed = await().atMost(Duration.ofSeconds(20)).until(() -> ifNoneMatch(path, client.accessToken(), etag),
                response -> response.status() != 304);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(ifNoneMatch(path, client.accessToken(), changed.header("ETag")).status()).isEqualTo(304);
    }

    @Test
    void theFeedAnswers304UntilANewJobAppearsInIt() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        market.jobStartingSoon(client);
        String path = "/api/v1/jobs?mine=true";
        market.awaitJson(path, client.accessToken(), feed -> feed.get("total").asInt() == 1);
        String etag = settledEtag(path, client.accessToken());
        assertThat(ifNoneMatch(path, client.accessToken(), etag).status()).isEqualTo(304);

        market.jobStartingSoon(client);
        var changed = await().atMost(Duration.ofSeconds(20)).until(() -> ifNoneMatch(path, client.accessToken(), etag),
                response -> response.status() != 304);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("total").asInt()).isEqualTo(2);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void anotherCallersAnswerHasAnotherTagAndNoCacheSharesIt() {
        var market = new Marketplace(api);
        var one = api.signUp("CLIENT");
        var other = api.signUp("CLIENT");
        market.jobStartingSoon(one);
        market.awaitJson("/api/v1/jobs?mine=true", one.accessToken(), feed -> feed.get("total").asInt() == 1);

        var mine = api.get("/api/v1/jobs?mine=true", one.accessToken()).expect(200);
        var theirs = ifNoneMatch("/api/v1/jobs?mine=true", other.accessToken(), mine.header("ETag"));

        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.json().get("total").asInt()).isZero();
        assertThat(theirs.header("ETag")).isNotEqualTo(mine.header("ETag"));
        assertThat(mine.header("Cache-Control")).isEqualTo("private, no-cache");
    }

    @Test
    void aWorkersProfileAnswers304UntilTheyChangeIt() {
        var market = new Marketplace(api);
        var worker = market.worker();
        var client = api.signUp("CLIENT");
        String path = "/api/v1/workers/" + worker.id();
        market.awaitJson(path, client.accessToken(), profile -> profile.get("skills").toString().contains("barista"));
        String etag = settledEtag(path, client.accessToken());
        var unchanged = ifNoneMatch(path, client.accessToken(), etag);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

        api.put("/api/v1/workers/me/profile", Map.of("skills", List.of("barista", "waiter"), "home", Marketplace.SITE,
                "availability", List.of(Map.of("dayOfWeek", "MONDAY", "from", "08:00", "to", "18:00"))),
                worker.accessToken()).expect(200);
        var changed = await().atMost(Duration.ofSeconds(20)).until(() -> ifNoneMatch(path, client.accessToken(), etag),
                response -> response.status() != 304);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("skills").toString()).contains("waiter");
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void errorsAndEverythingButThePolledReadsCarryNoTag() {
        var client = api.signUp("CLIENT");
        var missing = api.get("/api/v1/jobs/no-such-job", client.accessToken()).expect(404);
        var invalid = api.get("/api/v1/jobs?lat=6.45", client.accessToken()).expect(400);
        var ownAccount = api.get("/api/v1/me", client.accessToken()).expect(200);

        assertThat(missing.header("ETag")).isNull();
        assertThat(invalid.header("ETag")).isNull();
        assertThat(invalid.json().get("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(ownAccount.header("ETag")).isNull();
        assertThat(api.send("GET", "/api/v1/jobs/no-such-job", null, client.accessToken(), Map.of("If-None-Match", "*"))
                .status()).isEqualTo(404);
    }

    @Test
    void aClientThatAcceptsGzipGetsTheSameAnswerGzippedWithTheSameTag() throws IOException {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        for (int i = 0; i < 20; i++) {
            market.jobStartingSoon(client);
        }
        String feed = "/api/v1/jobs?mine=true";
        market.awaitJson(feed, client.accessToken(), page -> page.get("total").asInt() == 20);
        String etag = settledEtag(feed, client.accessToken());

        Raw plain = raw(feed, client.accessToken(), Map.of());
        Raw gzipped = raw(feed, client.accessToken(), GZIP);
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.header("Vary")).containsIgnoringCase("Accept-Encoding");
        assertThat(gunzip(gzipped.body())).isEqualTo(plain.text());
        assertThat(gzipped.header("ETag")).isEqualTo(plain.header("ETag")).isEqualTo(etag);
        Raw unchanged = raw(feed, client.accessToken(), Map.of("Accept-Encoding", "gzip", "If-None-Match", etag));
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

        String job = "/api/v1/jobs/" + plain.text().split("\"jobId\":\"")[1].split("\"")[0];
        Raw details = raw(job, client.accessToken(), Map.of());
        Raw detailsGzipped = raw(job, client.accessToken(), GZIP);
        Raw detailsUnchanged = raw(job, client.accessToken(), Map.of("Accept-Encoding", "gzip", "If-None-Match",
                details.header("ETag")));
        System.out.printf("bytes per poll (body + headers): feed of 20 jobs plain %s, gzip %s, unchanged %s; "
                        + "job details plain %s, gzip %s, unchanged %s%n", plain.size(), gzipped.size(), unchanged.size(),
                details.size(), detailsGzipped.size(), detailsUnchanged.size());
    }

    @Test
    void streamedAnswersAreGzippedAsTheyStreamWithoutATag() throws IOException {
        var market = new Marketplace(api);
        market.jobStartingSoon(api.signUp("CLIENT"));
        String admin = market.admin().accessToken();

        Raw events = raw("/api/v1/audit/events?limit=200", admin, GZIP);

        assertThat(events.status()).isEqualTo(200);
        assertThat(events.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(events.header("Content-Length")).as("not buffered to learn its length").isNull();
        assertThat(events.header("ETag")).isNull();
        assertThat(gunzip(events.body()).lines()).isNotEmpty().allMatch(line -> line.startsWith("{"));
        assertThat(raw("/api/v1/audit/events?limit=200", admin, Map.of()).header("Content-Encoding")).isNull();
    }

    /** The view's tag once it has stopped changing (projections may still be catching up with earlier events). */
    private String settledEtag(String path, String token) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            String etag = api.get(path, token).expect(200).header("ETag");
            return ifNoneMatch(path, token, etag).status() == 304 ? etag : null;
        }, etag -> etag != null);
    }

    private Api.Response ifNoneMatch(String path, String token, String etag) {
        return api.send("GET", path, null, token, Map.of("If-None-Match", etag));
    }

    /** The answer's bytes as they travelled (java.net.http neither asks for nor undoes gzip). */
    private Raw raw(String path, String token, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        headers.forEach(request::header);
        try {
            var response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Raw(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private record Raw(int status, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(", ", e.getValue())).findFirst().orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Body plus headers as sent on HTTP/1.1 (status line and header lines), roughly what the network carries. */
        String size() {
            int headerBytes = "HTTP/1.1 200 \r\n\r\n".length() + headers.entrySet().stream()
                    .filter(e -> !e.getKey().equals(":status"))
                    .mapToInt(e -> e.getValue().stream().mapToInt(v -> e.getKey().length() + 2 + v.length() + 2).sum()).sum();
            return body.length + " + " + headerBytes;
        }
    }
}
