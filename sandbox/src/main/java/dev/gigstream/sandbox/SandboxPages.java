package dev.gigstream.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The sandbox's HTML: a checkout page per transaction and an index of everything the sandbox keeps.
 * Plain forms (no script), a phone-first layout, one inline style allowed by its hash, every value
 * printed escaped, and a SANDBOX banner on every page.
 */
final class SandboxPages {

    static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:0;padding:0 1rem 2rem;color:#1b1b1b;background:#f6f6f4}
            .banner{background:#b00020;color:#fff;font-weight:700;text-align:center;padding:.6rem;margin:0 -1rem 1rem;letter-spacing:.05em}
            main{max-width:34rem;margin:0 auto}
            .amount{font-size:2rem;font-weight:700;margin:.5rem 0}
            dl{display:grid;grid-template-columns:auto 1fr;gap:.3rem .8rem;word-break:break-all}
            dt{color:#555}
            form{margin:.6rem 0}
            button{width:100%;font-size:1.05rem;padding:.8rem;border-radius:.4rem;border:1px solid #333;background:#fff;cursor:pointer}
            button.primary{background:#0b6e4f;color:#fff;border-color:#0b6e4f}
            table{border-collapse:collapse;width:100%;font-size:.9rem;margin-bottom:1.5rem}
            th,td{border-bottom:1px solid #ddd;padding:.35rem;text-align:left;vertical-align:top;word-break:break-all}
            td form{margin:.2rem 0}td button{font-size:.85rem;padding:.3rem}
            .state{font-weight:700}
            """;

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE)
            + "'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static final String BANNER = "SANDBOX: simulated payments, no money moves";

    private SandboxPages() {
    }

    static String checkout(SandboxStore.Transaction t) {
        StringBuilder html = head("Sandbox checkout " + t.reference());
        html.append("<h1>Pay Gigstream</h1>");
        html.append("<p class=\"amount\" id=\"amount\">").append(escape(money(t.amount(), t.currency()))).append("</p>");
        html.append("<dl><dt>Reference</dt><dd id=\"reference\">").append(escape(t.reference()))
            .append("</dd><dt>E-mail</dt><dd>").append(escape(t.email()))
            .append("</dd><dt>Status</dt><dd class=\"state\" id=\"status\">").append(escape(statusOf(t))).append("</dd>");
        if (t.planCode() != null) {
            html.append("<dt>Plan</dt><dd>").append(escape(t.planCode())).append("</dd>");
        }
        html.append("</dl>");
        String base = "/sandbox/checkout/" + escape(t.accessCode());
        switch (t.status()) {
            case "abandoned" -> {
                html.append(button(base + "/pay", "Pay with a test card", "pay", true));
                html.append(button(base + "/decline", "Decline", "decline", false));
            }
            case "success" -> {
                html.append("<h2 id=\"outcome\">Paid</h2>");
                if (t.disputeId() == null) {
                    html.append(button(base + "/chargeback", "Raise a chargeback", "chargeback", false));
                } else if ("open".equals(t.disputeStatus())) {
                    html.append("<p>Chargeback ").append(t.disputeId()).append(" is open.</p>");
                    html.append(button(base + "/chargeback/merchant-accepted", "Resolve: merchant accepted", "accept", false));
                    html.append(button(base + "/chargeback/declined", "Resolve: declined", "declined", false));
                } else {
                    html.append("<p>Chargeback ").append(t.disputeId()).append(" resolved: ")
                        .append(escape(t.disputeStatus())).append(".</p>");
                }
            }
            default -> html.append("<h2 id=\"outcome\">Declined</h2>");
        }
        html.append("<p><a href=\"/sandbox\">All sandbox payments</a></p>");
        return tail(html);
    }

    static String index(List<SandboxStore.Transaction> transactions, List<SandboxStore.Transfer> transfers,
                        List<SandboxStore.Recipient> recipients, List<SandboxStore.Refund> refunds,
                        List<SandboxStore.Subscription> subscriptions) {
        StringBuilder html = head("Payments sandbox");
        html.append("<h1>Payments sandbox</h1>");
        html.append("<p>Test accounts: payouts to account <b>").append(SandboxPaystack.FAILING_ACCOUNT)
            .append("</b> fail, to <b>").append(SandboxPaystack.UNANSWERED_ACCOUNT)
            .append("</b> stay pending until settled here; any other account succeeds.</p>");
        html.append("<h2>Transactions</h2><table id=\"transactions\"><tr><th>Reference</th><th>Amount</th><th>E-mail</th><th>Status</th></tr>");
        for (SandboxStore.Transaction t : transactions) {
            html.append("<tr><td><a href=\"/sandbox/checkout/").append(escape(t.accessCode())).append("\">")
                .append(escape(t.reference())).append("</a></td><td>").append(escape(money(t.amount(), t.currency())))
                .append("</td><td>").append(escape(t.email())).append("</td><td class=\"state\">")
                .append(escape(statusOf(t))).append("</td></tr>");
        }
        html.append("</table><h2>Transfers</h2><table id=\"transfers\"><tr><th>Reference</th><th>Amount</th><th>Account</th><th>Status</th></tr>");
        for (int i = 0; i < transfers.size(); i++) {
            SandboxStore.Transfer t = transfers.get(i);
            SandboxStore.Recipient recipient = recipients.get(i);
            html.append("<tr data-reference=\"").append(escape(t.reference())).append("\"><td>").append(escape(t.reference()))
                .append("</td><td>").append(escape(money(t.amount(), t.currency()))).append("</td><td>")
                .append(escape(recipient == null ? "" : recipient.accountNumber())).append("</td><td><span class=\"state\">")
                .append(escape(t.status())).append("</span>");
            if ("pending".equals(t.status())) {
                String base = "/sandbox/transfers/" + escape(t.reference());
                html.append(button(base + "/succeed", "Succeed now", "succeed", false));
                html.append(button(base + "/fail", "Fail now", "fail", false));
            }
            html.append("</td></tr>");
        }
        html.append("</table><h2>Refunds</h2><table id=\"refunds\"><tr><th>Refund</th><th>Of</th><th>Amount</th><th>Status</th></tr>");
        for (SandboxStore.Refund r : refunds) {
            html.append("<tr><td>").append(escape(r.refundReference())).append("</td><td>")
                .append(escape(r.transactionReference())).append("</td><td>").append(escape(money(r.amount(), r.currency())))
                .append("</td><td class=\"state\">").append(escape(r.status())).append("</td></tr>");
        }
        html.append("</table><h2>Subscriptions</h2><table id=\"subscriptions\"><tr><th>Subscription</th><th>E-mail</th><th>Next payment</th><th>Status</th></tr>");
        for (SandboxStore.Subscription s : subscriptions) {
            html.append("<tr data-code=\"").append(escape(s.code())).append("\"><td>").append(escape(s.code()))
                .append("</td><td>").append(escape(s.email())).append("</td><td>")
                .append(escape(s.nextPaymentDate() == null ? "none" : PaystackShapes.time(s.nextPaymentDate())))
                .append("</td><td><span class=\"state\">").append(escape(s.status())).append("</span>");
            if (s.failNextRenewal()) {
                html.append(" (next renewal fails)");
            }
            if ("active".equals(s.status()) || "attention".equals(s.status())) {
                String base = "/sandbox/subscriptions/" + escape(s.code());
                html.append(button(base + "/renew", "Renew now", "renew", false));
                if (!s.failNextRenewal()) {
                    html.append(button(base + "/fail-next-renewal", "Fail the next renewal", "fail-next", false));
                }
            }
            html.append("</td></tr>");
        }
        html.append("</table>");
        return tail(html);
    }

    /** ₦15,000.00, GH₵50.00: the amount in minor units with its currency's sign. */
    static String money(long minorUnits, String currency) {
        String sign = switch (currency) {
            case "NGN" -> "₦";
            case "GHS" -> "GH₵";
            default -> currency + " ";
        };
        long units = Math.abs(minorUnits);
        return (minorUnits < 0 ? "-" : "") + sign + String.format(Locale.ROOT, "%,d.%02d", units / 100, units % 100);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String statusOf(SandboxStore.Transaction t) {
        return switch (t.status()) {
            case "abandoned" -> "awaiting payment";
            case "success" -> "paid";
            default -> t.status();
        };
    }

    private static String button(String action, String label, String id, boolean primary) {
        return "<form method=\"post\" action=\"" + action + "\"><button type=\"submit\" id=\"" + id + "\""
                + (primary ? " class=\"primary\"" : "") + ">" + escape(label) + "</button></form>";
    }

    private static StringBuilder head(String title) {
        return new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>")
                .append(escape(title)).append("</title><style>").append(STYLE).append("</style></head><body>")
                .append("<p class=\"banner\" id=\"sandbox-banner\">").append(BANNER).append("</p><main>");
    }

    private static String tail(StringBuilder html) {
        return html.append("</main></body></html>").toString();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
