package dev.gigstream.api.admin;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Browser;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin dashboard in a real headless Chromium: an admin signs in, sees the platform's numbers,
 * resolves a dispute from the queue and suspends a reported worker, and the page shows each change.
 */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD})
class AdminDashboardIT {

    @RegisterExtension
    final Browser browser = new Browser();

    @Autowired
    Api api;

    @LocalServerPort
    int port;

    @Test
    void anAdminResolvesADisputeAndSuspendsAReportedWorkerFromTheDashboard() {
        var market = new Marketplace(api);
        var shift = market.hiredShift();
        market.workedShift(shift);
        String disputeId = api.post("/api/v1/jobs/" + shift.jobId() + "/disputes",
                Map.of("reason", "work not done", "details", "Left after an hour"), shift.client().accessToken())
                .expect(201).json().get("disputeId").asText();
        var reported = market.worker();
        var reporter = api.signUp("CLIENT");
        String reportId = api.post("/api/v1/reports", Map.of("subjectType", "USER", "subjectId", reported.id(),
                "reason", "Asked for payment outside the app"), reporter.accessToken()).expect(201).json().get("reportId").asText();
        var admin = market.admin();
        market.awaitJson("/api/v1/admin/disputes?status=OPEN", admin.accessToken(),
                list -> list.get("items").findValuesAsString("disputeId").contains(disputeId));

        browser.driver().get("http://127.0.0.1:" + port + "/admin");
        browser.await("#email").sendKeys(ADMIN_EMAIL);
        browser.find("#password").sendKeys(ADMIN_PASSWORD);
        browser.click("#signin-button");

        // the numbers, live over the WebSocket
        browser.await("#app");
        browser.until(d -> "Live".equals(browser.find("#live").getText()) ? Boolean.TRUE : null);
        browser.until(d -> !browser.find("#stat-open-disputes").getText().equals("–") ? Boolean.TRUE : null);
        assertThat(Integer.parseInt(browser.find("#stat-open-disputes").getText())).isGreaterThanOrEqualTo(1);
        assertThat(browser.find("#stat-gross-volume").getText()).contains("NGN");
        assertThat(browser.find("#stat-sms-failures").getText()).as("the last day's texts: none failed")
                .matches("0\\.0% of [1-9][0-9]*");
        browser.await("#jobs-by-status .bar[data-status='DISPUTED']");

        // the dispute queue: release the money to the worker, and the dispute leaves the queue
        browser.click("button[data-tab='disputes']");
        browser.click("tr[data-dispute-id='" + disputeId + "'] button.resolve");
        new Select(browser.await("#field-outcome")).selectByValue("RELEASE_TO_WORKER");
        browser.find("#field-note").sendKeys("The manager confirmed the shift was worked");
        browser.click("#dialog-confirm");
        browser.awaitGone("tr[data-dispute-id='" + disputeId + "']");
        assertThat(api.get("/api/v1/disputes/" + disputeId, admin.accessToken()).expect(200).json().get("status").asText())
                .isEqualTo("RESOLVED");

        // the report: suspend the worker it is about, and the report is closed with the suspension
        browser.click("button[data-tab='reports']");
        browser.click("tr[data-report-id='" + reportId + "'] button.suspend");
        browser.await("#field-reason").sendKeys("Off-platform payment");
        browser.click("#dialog-confirm");
        browser.awaitGone("tr[data-report-id='" + reportId + "']");
        browser.await("#suspensions tr[data-user-id='" + reported.id() + "']");
        var refused = api.get("/api/v1/me", reported.accessToken());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").asText()).isEqualTo("ACCOUNT_SUSPENDED");
    }

    @Test
    void thePageAllowsOnlyItsOwnScriptAndStyle() {
        var page = api.get("/admin", null).expect(200);
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'", "script-src 'self'",
                "style-src 'self'", "frame-ancestors 'none'");
        assertThat(page.body()).doesNotContain("http://", "https://", "<script>", "style=");
        assertThat(api.get("/admin/admin.js", null).expect(200).header("Content-Type")).startsWith("text/javascript");
    }
}
