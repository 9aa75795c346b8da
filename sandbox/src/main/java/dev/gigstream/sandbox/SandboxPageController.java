package dev.gigstream.sandbox;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The sandbox's pages: the checkout behind each {@code authorization_url} (pay, decline, chargebacks)
 * and the index {@code /sandbox} with the buttons that settle transfers and renew subscriptions. The
 * forms need no token (the app is a stateless token API and these pages exist only in sandbox mode),
 * so a script can press them with {@code curl -X POST}.
 */
@Controller
@ConditionalOnSandbox
class SandboxPageController {

    private static final int RECENT = 50;
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final SandboxPaystack paystack;

    SandboxPageController(SandboxPaystack paystack) {
        this.paystack = paystack;
    }

    @GetMapping("/sandbox")
    ResponseEntity<String> index() {
        SandboxStore store = paystack.store();
        List<SandboxStore.Transfer> transfers = store.recentTransfers(RECENT);
        return page(HttpStatus.OK, SandboxPages.index(store.recentTransactions(RECENT), transfers,
                transfers.stream().map(t -> store.recipient(t.recipientCode()).orElse(null)).toList(),
                store.recentRefunds(RECENT), store.recentSubscriptions(RECENT)));
    }

    @GetMapping("/sandbox/checkout/{accessCode}")
    ResponseEntity<String> checkout(@PathVariable String accessCode) {
        return page(HttpStatus.OK, SandboxPages.checkout(paystack.checkout(accessCode)
                .orElseThrow(() -> SandboxRefusal.notFound("No such checkout"))));
    }

    /** Paid: the Paid page, or back to the callback URL the checkout was initialized with. */
    @PostMapping("/sandbox/checkout/{accessCode}/pay")
    ResponseEntity<String> pay(@PathVariable String accessCode) {
        SandboxStore.Transaction paid = paystack.pay(accessCode);
        if (paid.callbackUrl() != null) {
            String separator = paid.callbackUrl().contains("?") ? "&" : "?";
            return ResponseEntity.status(HttpStatus.SEE_OTHER).cacheControl(CacheControl.noStore())
                    .location(URI.create(paid.callbackUrl() + separator + "trxref=" + paid.reference()
                            + "&reference=" + paid.reference()))
                    .build();
        }
        return page(HttpStatus.OK, SandboxPages.checkout(paid));
    }

    @PostMapping("/sandbox/checkout/{accessCode}/decline")
    ResponseEntity<String> decline(@PathVariable String accessCode) {
        return page(HttpStatus.OK, SandboxPages.checkout(paystack.decline(accessCode)));
    }

    @PostMapping("/sandbox/checkout/{accessCode}/chargeback")
    ResponseEntity<String> chargeback(@PathVariable String accessCode) {
        return page(HttpStatus.OK, SandboxPages.checkout(paystack.raiseChargeback(accessCode)));
    }

    @PostMapping("/sandbox/checkout/{accessCode}/chargeback/{resolution}")
    ResponseEntity<String> resolve(@PathVariable String accessCode, @PathVariable String resolution) {
        return page(HttpStatus.OK, SandboxPages.checkout(paystack.resolveChargeback(accessCode, resolution)));
    }

    @PostMapping("/sandbox/transfers/{reference}/succeed")
    ResponseEntity<String> succeed(@PathVariable String reference) {
        settle(reference, true);
        return backToIndex();
    }

    @PostMapping("/sandbox/transfers/{reference}/fail")
    ResponseEntity<String> fail(@PathVariable String reference) {
        settle(reference, false);
        return backToIndex();
    }

    @PostMapping("/sandbox/subscriptions/{code}/renew")
    ResponseEntity<String> renew(@PathVariable String code) {
        paystack.store().subscription(code).orElseThrow(() -> SandboxRefusal.notFound("No such subscription"));
        paystack.renewNow(code);
        return backToIndex();
    }

    @PostMapping("/sandbox/subscriptions/{code}/fail-next-renewal")
    ResponseEntity<String> failNextRenewal(@PathVariable String code) {
        paystack.failNextRenewal(code);
        return backToIndex();
    }

    /** Refusals as the rest of the app answers them: problem+json with a stable code. */
    @ExceptionHandler(SandboxRefusal.class)
    ResponseEntity<ProblemDetail> refused(SandboxRefusal refusal) {
        boolean notFound = refusal.status() == 404;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(notFound ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT,
                refusal.getMessage());
        problem.setProperty("code", notFound ? "SANDBOX_NOT_FOUND" : "SANDBOX_REFUSED");
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .cacheControl(CacheControl.noStore()).body(problem);
    }

    private void settle(String reference, boolean succeeded) {
        SandboxStore.Transfer transfer = paystack.store().transfer(reference)
                .orElseThrow(() -> SandboxRefusal.notFound("No such transfer"));
        if (!paystack.settleTransfer(transfer.reference(), succeeded)) {
            throw SandboxRefusal.invalid("The transfer is " + transfer.status() + " already");
        }
    }

    private static ResponseEntity<String> backToIndex() {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/sandbox"))
                .cacheControl(CacheControl.noStore()).build();
    }

    private static ResponseEntity<String> page(HttpStatus status, String html) {
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", SandboxPages.CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex")
                .body(html);
    }
}
