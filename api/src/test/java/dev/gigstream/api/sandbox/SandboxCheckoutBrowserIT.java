package dev.gigstream.api.sandbox;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Browser;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's pages in a real headless Chromium on a phone-sized window: a client pays one checkout
 * and declines another; a payout to the failing test account shows failed on the sandbox's index, and
 * once the worker's account is corrected and an admin retries the payout, the new transfer shows success.
 */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.payments.mode=sandbox",
        "gigstream.payments.sandbox.transfer-delay=100ms",
        "gigstream.lifecycle.max-payout-attempts=1",
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD})
class SandboxCheckoutBrowserIT {

    /** An iPhone 12's viewport in CSS pixels. */
    private static final Dimension PHONE = new Dimension(390, 844);

    @RegisterExtension
    final Browser browser = new Browser();

    @Autowired
    Api api;

    @LocalServerPort
    int port;

    @Test
    void aClientPaysOnePhoneCheckoutAndDeclinesAnother() {
        var market = new Marketplace(api);
        var paid = market.hiredShift();
        var declined = market.hiredShift();
        browser.driver().manage().window().setSize(PHONE);

        open(paid.answer().get("authorizationUrl").asText());
        assertThat(browser.await("#sandbox-banner").getText()).contains("SANDBOX");
        assertThat(browser.find("#reference").getText()).isEqualTo(paid.reference());
        assertThat(browser.find("#amount").getText()).startsWith("₦").endsWith(".00");
        assertThat(browser.find("#pay").getRect().getWidth()).as("the button fits the phone's width").isLessThanOrEqualTo(390);
        assertThat((Boolean) ((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing scrolls sideways").isTrue();
        browser.click("#pay");
        assertThat(browser.await("#outcome").getText()).isEqualTo("Paid");
        market.awaitJob(paid.jobId(), paid.client().accessToken(), job -> "FUNDED".equals(job.get("status").asText()));

        open(declined.answer().get("authorizationUrl").asText());
        browser.click("#decline");
        assertThat(browser.await("#outcome").getText()).isEqualTo("Declined");
        assertThat(new SandboxSteps(api).verify("transaction/verify/" + declined.reference()).path("data").path("status")
                .asText()).isEqualTo("failed");
        assertThat(market.awaitJob(declined.jobId(), declined.client().accessToken(), job -> true).get("status").asText())
                .isEqualTo("HIRED");
    }

    @Test
    void aPayoutToTheFailingAccountShowsFailedAndTheAdminsRetryToTheCorrectedAccountShowsSuccess() {
        var market = new Marketplace(api);
        var sandbox = new SandboxSteps(api);
        var shift = market.hire(api.signUp("CLIENT"), market.worker(SandboxSteps.FAILING_ACCOUNT));
        var admin = market.admin();
        sandbox.payWorkAndConfirm(market, shift);
        JsonNode flagged = market.awaitJson("/api/v1/admin/escrows?flagged=true", admin.accessToken(),
                list -> list.get("items").findValuesAsString("escrowId").contains(shift.escrowId()));
        String retried = flagged.get("items").valueStream().filter(e -> shift.escrowId().equals(e.get("escrowId").asText()))
                .findFirst().orElseThrow().get("pendingPayoutReference").asText();
        browser.driver().manage().window().setSize(PHONE);

        awaitTransferShown(shift.payout(1), "failed");

        api.put("/api/v1/workers/me/profile", Map.of("skills", List.of("barista"), "home", Marketplace.SITE,
                "availability", List.of(Map.of("dayOfWeek", "MONDAY", "from", "00:00", "to", "24:00")),
                "payout", Map.of("bankCode", "058", "accountNumber", "0123456789", "accountName", "Ada Obi")),
                shift.worker().accessToken()).expect(200);
        api.post("/api/v1/admin/escrows/" + shift.escrowId() + "/retry-payout", null, admin.accessToken()).expect(202);

        awaitTransferShown(retried, "success");
        market.awaitJob(shift.jobId(), shift.client().accessToken(), job -> "COMPLETED".equals(job.get("status").asText()));
    }

    /** Opens the sandbox's index until the transfer's row shows {@code status} (the page does not refresh itself). */
    private void awaitTransferShown(String reference, String status) {
        browser.until(d -> {
            d.get("http://127.0.0.1:" + port + "/sandbox");
            return d.findElements(org.openqa.selenium.By.cssSelector("tr[data-reference='" + reference + "'] .state"))
                    .stream().anyMatch(cell -> status.equals(cell.getText())) ? Boolean.TRUE : null;
        });
    }

    /** The checkout URL names the configured public URL; the test's server listens on a random port. */
    private void open(String checkoutUrl) {
        browser.driver().get("http://127.0.0.1:" + port + SandboxSteps.path(checkoutUrl));
    }
}
