package dev.gigstream.api.admin;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.FreshStores;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The accountants' export and the dashboard's numbers over a period with three escrows: one released
 * after a completed shift, one refunded after the client cancelled days ahead, one split by an admin
 * after a dispute. Per currency, the CSV's rows reconcile to the escrows' ledgers to the kobo.
 */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD,
        "gigstream.auth.auditor.email=" + FinanceExportIT.AUDITOR_EMAIL,
        "gigstream.auth.auditor.password=" + FinanceExportIT.AUDITOR_PASSWORD})
class FinanceExportIT {

    static final String AUDITOR_EMAIL = "auditor@gigstream.test";
    static final String AUDITOR_PASSWORD = "auditor password for tests";
    private static final String HEADER = "at,escrowId,jobId,kind,amount,currency,reference";
    private static final long TOTAL = 1_650_000;
    private static final long PROCESSOR_FEE = 34_750;

    @Autowired
    Api api;

    @Test
    void aPeriodWithAReleasedARefundedAndASplitEscrowReconcilesToTheirLedgers() {
        var market = new Marketplace(api);
        String admin = market.admin().accessToken();
        JsonNode statsBefore = api.get("/api/v1/admin/stats", admin).expect(200).json();
        Instant from = Instant.now();

        var released = market.hiredShift();
        market.completedShift(released);
        var refunded = refundedDaysAhead(market);
        var split = splitByAnAdmin(market, admin);
        for (var hire : List.of(released, refunded, split)) {
            market.awaitJson("/api/v1/escrows/" + hire.escrowId(), admin,
                    view -> Set.of("RELEASED", "REFUNDED", "SPLIT").contains(view.get("status").asText()));
        }
        Instant to = Instant.now();

        String path = "/api/v1/admin/finance.csv?from=" + from + "&to=" + to;
        List<Row> rows = await().atMost(Duration.ofSeconds(20)).until(() -> rows(api.get(path, admin).expect(200)),
                all -> all.stream().filter(r -> r.escrowId().equals(split.escrowId())).count() == 4);
        var response = api.get(path, admin).expect(200);
        assertThat(response.header("Content-Type")).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"finance-"
                + fileInstant(from) + "-" + fileInstant(to) + ".csv\"");
        assertThat(response.body().lines().findFirst()).contains(HEADER);
        assertThat(rows).extracting(Row::at).isSorted().allMatch(at -> !at.isBefore(from) && at.isBefore(to));

        assertThat(amounts(rows, released.escrowId())).containsExactly(
                Map.entry("FUNDED", TOTAL), Map.entry("PROCESSOR_FEE", PROCESSOR_FEE), Map.entry("SERVICE_FEE", 150_000L),
                Map.entry("RELEASED", 1_500_000L));
        assertThat(amounts(rows, refunded.escrowId())).containsExactly(
                Map.entry("FUNDED", TOTAL), Map.entry("PROCESSOR_FEE", PROCESSOR_FEE), Map.entry("REFUNDED", TOTAL));
        assertThat(amounts(rows, split.escrowId())).containsOnly(
                Map.entry("FUNDED", TOTAL), Map.entry("PROCESSOR_FEE", PROCESSOR_FEE), Map.entry("RELEASED", 600_000L),
                Map.entry("REFUNDED", 1_050_000L));
        for (var hire : List.of(released, refunded, split)) {
            Map<String, Long> sums = sumsPerKind(rows.stream().filter(r -> r.escrowId().equals(hire.escrowId())).toList());
            assertThat(sums.get("FUNDED")).as("a settled escrow paid out, refunded or earned all it was funded with")
                    .isEqualTo(sums.getOrDefault("SERVICE_FEE", 0L) + sums.getOrDefault("RELEASED", 0L)
                            + sums.getOrDefault("REFUNDED", 0L));
            assertThat(rows).filteredOn(r -> r.escrowId().equals(hire.escrowId())).extracting(Row::jobId)
                    .containsOnly(hire.jobId());
        }
        assertThat(rows).filteredOn(r -> r.kind().equals("FUNDED") && r.escrowId().equals(released.escrowId()))
                .extracting(Row::reference).containsExactly(released.reference());
        assertThat(rows).filteredOn(r -> r.kind().equals("RELEASED") && r.escrowId().equals(released.escrowId()))
                .extracting(Row::reference).containsExactly(released.payout(1));

        Set<String> escrows = rows.stream().map(Row::escrowId).collect(Collectors.toCollection(TreeSet::new));
        Map<String, Long> ledger = new HashMap<>();
        Map<String, Long> paystackBalance = new HashMap<>();
        for (String escrowId : escrows) {
            JsonNode view = api.get("/api/v1/escrows/" + escrowId, admin).expect(200).json();
            String currency = view.get("total").get("currency").asText();
            for (JsonNode entry : view.get("ledger")) {
                Instant at = Instant.parse(entry.get("at").asText());
                if (at.isBefore(from) || !at.isBefore(to)) {
                    continue;
                }
                long amount = entry.get("amount").asLong();
                String account = entry.get("account").asText();
                if (account.equals("PAYSTACK_BALANCE")) {
                    paystackBalance.merge(currency, amount, Long::sum);
                }
                String kind = kindOf(account, entry.get("eventType").asText());
                if (kind != null) {
                    ledger.merge(currency + "/" + kind, kind.equals("FUNDED") || kind.equals("SERVICE_FEE") ? -amount : amount,
                            Long::sum);
                }
            }
        }
        Map<String, Long> csv = rows.stream().collect(Collectors.groupingBy(r -> r.currency() + "/" + r.kind(),
                Collectors.summingLong(Row::amount)));
        assertThat(csv).as("per currency and kind, the rows sum to the ledgers' postings").isEqualTo(ledger);
        Map<String, Long> cash = rows.stream().collect(Collectors.groupingBy(Row::currency, Collectors.summingLong(
                r -> r.kind().equals("FUNDED") ? r.amount() : r.kind().equals("SERVICE_FEE") ? 0 : -r.amount())));
        assertThat(cash).as("what reached our Paystack balance, less what left it").isEqualTo(paystackBalance);

        JsonNode stats = market.awaitJson("/api/v1/admin/stats", admin,
                now -> money(now, "grossVolume") - money(statsBefore, "grossVolume") == 3 * TOTAL);
        assertThat(money(stats, "feesEarned") - money(statsBefore, "feesEarned")).isEqualTo(150_000);
        assertThat(money(stats, "escrowHeld") - money(statsBefore, "escrowHeld")).as("all of it settled").isZero();
        assertThat(jobs(stats, "COMPLETED") - jobs(statsBefore, "COMPLETED")).as("released and split").isEqualTo(2);
        assertThat(jobs(stats, "CANCELLED") - jobs(statsBefore, "CANCELLED")).isEqualTo(1);
        assertThat(stats.get("activeWorkers").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(stats.get("escrowHeld").findValuesAsString("currency")).containsExactly("NGN", "GHS");
    }

    @Test
    void onlyAdminsReadTheNumbersAndTheExport() throws Exception {
        var auditor = api.logIn(AUDITOR_EMAIL, AUDITOR_PASSWORD, null);
        String csv = "/api/v1/admin/finance.csv?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z";
        for (var user : List.of(api.signUp("WORKER"), api.signUp("CLIENT"), auditor)) {
            assertThat(api.get("/api/v1/admin/stats", user.accessToken()).status()).isEqualTo(403);
            assertThat(api.get(csv, user.accessToken()).status()).isEqualTo(403);
        }
        String unknownRole = token(api.signUp("WORKER").id(), "SUPERUSER");
        assertThat(api.get("/api/v1/admin/stats", unknownRole).status()).isEqualTo(403);
        assertThat(api.get(csv, unknownRole).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/stats", null).status()).isEqualTo(401);
        assertThat(api.get(csv, null).status()).isEqualTo(401);
    }

    @Test
    void aPeriodMustBeTwoInstantsInOrder() {
        String admin = new Marketplace(api).admin().accessToken();
        String csv = "/api/v1/admin/finance.csv";

        assertThat(code(api.get(csv + "?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", admin))).isEqualTo("INVALID_PERIOD");
        assertThat(code(api.get(csv + "?from=yesterday&to=2026-01-01T00:00:00Z", admin))).isEqualTo("INVALID_INSTANT");
        assertThat(code(api.get(csv + "?from=2026-01-01&to=2026-02-01T00:00:00Z", admin))).isEqualTo("INVALID_INSTANT");
        assertThat(code(api.get(csv + "?from=2026-01-01T00:00:00Z&to=%2B999999999-12-31T23:59:59Z", admin)))
                .as("an instant no stored time can reach").isEqualTo("INVALID_INSTANT");
        assertThat(code(api.get(csv + "?from=2026-01-01T00:00:00Z", admin))).isEqualTo("INVALID_PERIOD");
        assertThat(code(api.get(csv, admin))).isEqualTo("INVALID_PERIOD");

        var empty = api.get(csv + "?from=2020-01-01T00:00:00Z&to=2020-01-01T00:00:00Z", admin).expect(200);
        assertThat(empty.body().lines().toList()).as("an empty period has the header only").containsExactly(HEADER);
        var offset = api.get(csv + "?from=2020-01-01T01:00:00%2B01:00&to=2020-01-02T00:00:00Z", admin).expect(200);
        assertThat(offset.header("Content-Disposition")).contains("finance-20200101T000000Z-20200102T000000Z.csv");
    }

    /** The client hires for a shift three days ahead, pays, and cancels: everything goes back to them. */
    private Marketplace.Hire refundedDaysAhead(Marketplace market) {
        var client = api.signUp("CLIENT");
        var worker = market.worker();
        Instant start = Instant.now().plus(Duration.ofDays(3));
        String jobId = api.post("/api/v1/jobs", Map.of("title", "Barista for a wedding", "description", "Espresso bar",
                "requiredSkills", List.of("barista"),
                "location", Map.of("lat", Marketplace.SITE.get("lat"), "lng", Marketplace.SITE.get("lng"), "address", "1 Marina, Lagos"),
                "shift", Map.of("start", start.toString(), "end", start.plus(Duration.ofHours(8)).toString()),
                "pay", Map.of("amount", Marketplace.PAY, "currency", "NGN")), client.accessToken()).expect(201)
                .json().get("jobId").asText();
        var hire = new Marketplace.Hire(client, worker, jobId, market.hire(client, worker, jobId));
        market.payByWebhook(hire.answer(), client, jobId);
        api.post("/api/v1/jobs/" + jobId + "/cancel", Map.of("reason", "wedding postponed"), client.accessToken()).expect(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> refundsOf(market, hire.reference()).equals(List.of(TOTAL)));
        processRefund(market, hire, TOTAL);
        return hire;
    }

    /** The client disputes a worked shift; an admin gives the worker 600,000 and the client the rest. */
    private Marketplace.Hire splitByAnAdmin(Marketplace market, String admin) {
        var hire = market.hiredShift();
        market.workedShift(hire);
        String disputeId = api.post("/api/v1/jobs/" + hire.jobId() + "/disputes", Map.of("reason", "work not done",
                "details", "The worker left after an hour"), hire.client().accessToken()).expect(201).json().get("disputeId").asText();
        market.awaitJson("/api/v1/admin/stats", admin, stats -> stats.get("openDisputes").asLong() >= 1);
        market.awaitJson("/api/v1/escrows/" + hire.escrowId(), admin, view -> "FROZEN".equals(view.get("status").asText()));
        api.post("/api/v1/admin/disputes/" + disputeId + "/resolve", Map.of("outcome", "SPLIT",
                "workerShare", Map.of("amount", 600_000, "currency", "NGN"), "note", "half a shift"), admin).expect(202);
        String payout = hire.payout(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> market.transfersOf(payout).size() == 1
                && refundsOf(market, hire.reference()).equals(List.of(1_050_000L)));
        market.paystack().markTransfer(payout, "success");
        market.deliverSigned(Marketplace.transfer("transfer.success", payout, 600_000)).expect(200);
        processRefund(market, hire, 1_050_000);
        return hire;
    }

    private static void processRefund(Marketplace market, Marketplace.Hire hire, long amount) {
        market.deliverSigned("{\"event\":\"refund.processed\",\"data\":{\"status\":\"processed\",\"transaction_reference\":\""
                + hire.reference() + "\",\"refund_reference\":\"RFD_" + hire.escrowId() + "\",\"amount\":" + amount
                + ",\"currency\":\"NGN\"}}").expect(200);
    }

    private static List<Long> refundsOf(Marketplace market, String reference) {
        return market.paystack().requests("POST", "refund").stream()
                .filter(r -> reference.equals(r.body().path("transaction").asText()))
                .map(r -> r.body().path("amount").asLong()).toList();
    }

    /** One CSV row; the test's own references carry no commas, so a plain split reads them. */
    record Row(Instant at, String escrowId, String jobId, String kind, long amount, String currency, String reference) {
    }

    private static List<Row> rows(Api.Response csv) {
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo(HEADER);
        return lines.stream().skip(1).map(line -> Arrays.asList(line.split(",", -1)))
                .map(f -> new Row(Instant.parse(f.get(0)), f.get(1), f.get(2), f.get(3), Long.parseLong(f.get(4)), f.get(5),
                        f.get(6)))
                .toList();
    }

    /** The escrow's rows as kind → amount, in the order of the rows. */
    private static List<Map.Entry<String, Long>> amounts(List<Row> rows, String escrowId) {
        return rows.stream().filter(r -> r.escrowId().equals(escrowId)).map(r -> Map.entry(r.kind(), r.amount())).toList();
    }

    private static Map<String, Long> sumsPerKind(List<Row> rows) {
        return rows.stream().collect(Collectors.groupingBy(Row::kind, Collectors.summingLong(Row::amount)));
    }

    /** The row kind a ledger posting stands for, or null for the postings between the escrow's own accounts. */
    private static String kindOf(String account, String eventType) {
        return switch (account) {
            case "ESCROW" -> eventType.equals("EscrowFunded") ? "FUNDED" : null;
            case "PROCESSOR_FEES" -> "PROCESSOR_FEE";
            case "PLATFORM_REVENUE" -> "SERVICE_FEE";
            case "WORKER_PAYABLE" -> Set.of("PayoutCompleted", "PayoutFailed").contains(eventType) ? "RELEASED" : null;
            case "REFUND_PAYABLE" -> eventType.equals("EscrowRefunded") ? "REFUNDED" : null;
            default -> null;
        };
    }

    private static long money(JsonNode stats, String field) {
        for (JsonNode amount : stats.get(field)) {
            if (amount.get("currency").asText().equals("NGN")) {
                return amount.get("amount").asLong();
            }
        }
        throw new AssertionError("no NGN amount in " + field + ": " + stats);
    }

    private static long jobs(JsonNode stats, String status) {
        return stats.get("jobsByStatus").get(status).asLong();
    }

    private static String code(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        return response.json().get("code").asText();
    }

    /** A validly signed access token with any role. */
    private static String token(String subject, String role) throws Exception {
        var claims = new JWTClaimsSet.Builder().issuer("gigstream").subject(subject).claim("role", role)
                .jwtID(UUID.randomUUID().toString()).issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(FreshStores.JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static String fileInstant(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(instant);
    }
}
