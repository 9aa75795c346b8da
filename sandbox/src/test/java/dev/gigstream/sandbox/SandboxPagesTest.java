package dev.gigstream.sandbox;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxPagesTest {

    private static final SandboxStore.Transaction OPEN = new SandboxStore.Transaction("gs-esc-1", 1, "ac0123",
            "<script>alert(1)</script>@example.com", 1_500_000, "NGN", "abandoned", null, "{}", null, null, null,
            Instant.parse("2026-12-06T10:00:00Z"), null, null);

    @Test
    void amountsCarryTheirCurrencysSignAndTwoDecimals() {
        assertThat(SandboxPages.money(1_500_000, "NGN")).isEqualTo("₦15,000.00");
        assertThat(SandboxPages.money(5_000, "GHS")).isEqualTo("GH₵50.00");
        assertThat(SandboxPages.money(5, "NGN")).isEqualTo("₦0.05");
    }

    @Test
    void everythingPrintedIsEscaped() {
        String page = SandboxPages.checkout(OPEN);

        assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;@example.com");
        assertThat(SandboxPages.escape("\"'&")).isEqualTo("&quot;&#39;&amp;");
    }

    @Test
    void anUnpaidCheckoutOffersPayAndDeclineOnASandboxPageForPhones() {
        String page = SandboxPages.checkout(OPEN);

        assertThat(page).contains("SANDBOX").contains("name=\"viewport\"").contains("₦15,000.00")
                .contains("action=\"/sandbox/checkout/ac0123/pay\"").contains("action=\"/sandbox/checkout/ac0123/decline\"")
                .doesNotContain("chargeback");
    }

    @Test
    void aPaidCheckoutOffersAChargebackAndAnOpenOneItsResolutions() {
        SandboxStore.Transaction paid = OPEN.paid(10, Instant.parse("2026-12-06T10:01:00Z"));

        assertThat(SandboxPages.checkout(paid)).contains("Paid").contains("Raise a chargeback").doesNotContain("/pay\"");
        assertThat(SandboxPages.checkout(paid.disputed(42, "open")))
                .contains("Resolve: merchant accepted").contains("Resolve: declined");
    }

    @Test
    void theIndexOffersToSettleOnlyPendingTransfers() {
        var recipient = new SandboxStore.Recipient("RCP_x", "nuban", "Ada", "9999999999", "058", "NGN");
        Instant at = Instant.parse("2026-12-06T10:00:00Z");
        var pending = new SandboxStore.Transfer("gs-pay-1", 1, "TRF_1", "pending", 100, "NGN", "r", "RCP_x", at, at);
        var done = new SandboxStore.Transfer("gs-pay-2", 2, "TRF_2", "success", 100, "NGN", "r", "RCP_x", at, at);

        String page = SandboxPages.index(List.of(), List.of(pending, done), List.of(recipient, recipient), List.of(), List.of());

        assertThat(page).contains("/sandbox/transfers/gs-pay-1/succeed").contains("/sandbox/transfers/gs-pay-1/fail")
                .doesNotContain("/sandbox/transfers/gs-pay-2/");
    }

    @Test
    void theContentSecurityPolicyAllowsExactlyThePagesOwnStyle() throws Exception {
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(SandboxPages.STYLE.getBytes(StandardCharsets.UTF_8)));

        assertThat(SandboxPages.CONTENT_SECURITY_POLICY).contains("default-src 'none'").contains("'sha256-" + hash + "'")
                .doesNotContain("script-src").doesNotContain("unsafe-inline");
        assertThat(SandboxPages.checkout(OPEN)).contains("<style>" + SandboxPages.STYLE + "</style>");
    }
}
