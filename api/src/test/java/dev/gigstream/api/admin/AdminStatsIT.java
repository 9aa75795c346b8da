package dev.gigstream.api.admin;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.api.testsupport.StompUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dashboard's numbers over REST and live over the WebSocket, for admins only. */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD,
        "gigstream.auth.auditor.email=" + FinanceExportIT.AUDITOR_EMAIL,
        "gigstream.auth.auditor.password=" + FinanceExportIT.AUDITOR_PASSWORD})
class AdminStatsIT {

    private static final String STATS = "/topic/admin/stats";

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Test
    void aSubscribedAdminIsPushedTheNewNumbersAfterAJobIsPosted() throws Exception {
        var market = new Marketplace(api);
        var admin = market.admin();
        var client = api.signUp("CLIENT");
        try (StompUser live = StompUser.connect(port, admin.accessToken()).subscribe(STATS)) {
            JsonNode current = live.next(10_000);
            assertThat(current).as("a new subscriber is sent the current numbers").isNotNull();
            long jobsBefore = total(current.get("jobsByStatus"));

            market.jobStartingSoon(client);

            JsonNode pushed = nextWhere(live, stats -> total(stats.get("jobsByStatus")) > jobsBefore);
            assertThat(pushed).as("the numbers with the new job").isNotNull();
            assertThat(pushed.get("jobsByStatus").get("OPEN").asLong()).isGreaterThanOrEqualTo(1);
            JsonNode rest = api.get("/api/v1/admin/stats", admin.accessToken()).expect(200).json();
            assertThat(fieldNames(rest)).as("the shape of GET /api/v1/admin/stats, but for the deliveries it alone counts")
                    .isEqualTo(Stream.concat(fieldNames(pushed).stream(), Stream.of("deliveries")).toList());
        }
    }

    @Test
    void pushesAreCoalescedToAboutOneASecond() throws Exception {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        try (StompUser live = StompUser.connect(port, market.admin().accessToken()).subscribe(STATS)) {
            JsonNode current = live.next(10_000);
            assertThat(current).isNotNull();
            long jobsBefore = total(current.get("jobsByStatus"));
            long started = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                market.jobStartingSoon(client);
            }
            List<JsonNode> pushes = new ArrayList<>();
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                for (JsonNode next = live.next(200); next != null; next = live.next(200)) {
                    pushes.add(next);
                }
                return !pushes.isEmpty() && total(pushes.get(pushes.size() - 1).get("jobsByStatus")) >= jobsBefore + 5;
            });
            long elapsedSeconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            assertThat(pushes.size()).as("five jobs, at most one push a second").isLessThanOrEqualTo((int) elapsedSeconds + 2);
        }
    }

    @Test
    void workersClientsAndAuditorsCannotSubscribeToTheNumbers() throws Exception {
        var auditor = api.logIn(FinanceExportIT.AUDITOR_EMAIL, FinanceExportIT.AUDITOR_PASSWORD, null);
        for (var user : List.of(api.signUp("WORKER"), api.signUp("CLIENT"), auditor)) {
            try (StompUser live = StompUser.connect(port, user.accessToken()).subscribe(STATS)) {
                await().atMost(Duration.ofSeconds(5)).until(() -> !live.connected());
            }
        }
        try (StompUser admin = StompUser.connect(port, new Marketplace(api).admin().accessToken()).subscribeToNotifications()) {
            assertThat(admin.connected()).as("an admin still has their own notifications").isTrue();
        }
    }

    private static JsonNode nextWhere(StompUser live, Predicate<JsonNode> wanted) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < until) {
            JsonNode next = live.next(500);
            if (next != null && wanted.test(next)) {
                return next;
            }
        }
        return null;
    }

    private static long total(JsonNode jobsByStatus) {
        long total = 0;
        for (JsonNode count : jobsByStatus) {
            total += count.asLong();
        }
        return total;
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }
}
