package dev.gigstream.command.escrow;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.escrow.CancelEscrow;
import dev.gigstream.messages.escrow.ConfirmEscrowFunded;
import dev.gigstream.messages.escrow.ConfirmPayout;
import dev.gigstream.messages.escrow.ConfirmRefund;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowRefunded;
import dev.gigstream.messages.escrow.FlagEscrowForAdmin;
import dev.gigstream.messages.escrow.FreezeEscrow;
import dev.gigstream.messages.escrow.LedgerAccount;
import dev.gigstream.messages.escrow.PayoutCompleted;
import dev.gigstream.messages.escrow.PayoutFailed;
import dev.gigstream.messages.escrow.Posting;
import dev.gigstream.messages.escrow.RecordCheckout;
import dev.gigstream.messages.escrow.RefundEscrow;
import dev.gigstream.messages.escrow.ReleaseEscrow;
import dev.gigstream.messages.escrow.ReportPayoutFailure;
import dev.gigstream.messages.escrow.RequestEscrowFunding;
import dev.gigstream.messages.escrow.UnfreezeEscrow;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.gigstream.messages.escrow.EscrowReferences.charge;
import static dev.gigstream.messages.escrow.EscrowReferences.payout;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of escrow commands (duplicates, wrong amounts, out-of-order confirmations
 * included) against the real aggregate. Whatever happens: every ledger entry balances, no more leaves
 * than came in, no liability turns into an asset, funding happens at most once, and a command that
 * just succeeded changes nothing when sent again.
 */
class EscrowLedgerPropertiesTest {

    private static final Money PAY = Money.of(1_000_000, Currency.NGN);
    private static final Money TOTAL = Money.of(1_100_000, Currency.NGN);

    /** A command for the escrow with this id. */
    interface Step {
        Object command(String escrowId);
    }

    @Provide
    Arbitrary<List<Step>> scenarios() {
        Arbitrary<Long> amount = Arbitraries.oneOf(Arbitraries.of(0L, 1L, 500_000L, 1_000_000L, 1_100_000L, 1_100_001L),
                Arbitraries.longs().between(0, 1_200_000));
        Arbitrary<Integer> attempt = Arbitraries.integers().between(1, 3);
        Arbitrary<Step> step = Arbitraries.oneOf(
                amount.map(paid -> id -> new ConfirmEscrowFunded(id, charge(id), Money.of(paid, Currency.NGN), 20_000, Instant.EPOCH)),
                Arbitraries.just(id -> new ConfirmEscrowFunded(id, charge(id), TOTAL, 20_000, Instant.EPOCH)),
                Arbitraries.just(id -> new RecordCheckout(id, "https://checkout.paystack.com/x")),
                Arbitraries.just(id -> new CancelEscrow(id, "window expired")),
                Arbitraries.just(id -> new FreezeEscrow(id, "dispute")),
                Arbitraries.just(id -> new UnfreezeEscrow(id, "resolved")),
                Arbitraries.just(ReleaseEscrow::new),
                attempt.map(n -> id -> new ConfirmPayout(id, payout(id, n))),
                attempt.map(n -> id -> new ReportPayoutFailure(id, payout(id, n), "failed")),
                Arbitraries.just(id -> new FlagEscrowForAdmin(id, "look at this")),
                amount.map(share -> id -> new RefundEscrow(id, Money.of(share, Currency.NGN), "cancelled")),
                amount.map(refunded -> id -> new ConfirmRefund(id, Money.of(refunded, Currency.NGN))));
        return step.list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 300)
    void moneyNeverAppearsOrDisappears(@ForAll("scenarios") @Size(max = 25) List<Step> steps) {
        Configuration axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(EscrowPayment.class)
                .registerComponent(FeePolicy.class, c -> new FeePolicy(1_000))
                .buildConfiguration();
        axon.start();
        try {
            String escrowId = UUID.randomUUID().toString();
            axon.commandGateway().sendAndWait(new RequestEscrowFunding(escrowId, "job", "client", "worker", PAY));
            for (Step step : steps) {
                Object command = step.command(escrowId);
                int before = events(axon, escrowId).size();
                if (send(axon, command)) {
                    int after = events(axon, escrowId).size();
                    send(axon, command);
                    assertThat(events(axon, escrowId)).as("repeating %s changes nothing", command).hasSize(after);
                }
                assertThat(events(axon, escrowId).size()).isGreaterThanOrEqualTo(before);
                checkInvariants(events(axon, escrowId));
            }
        } finally {
            axon.shutdown();
        }
    }

    private static boolean send(Configuration axon, Object command) {
        try {
            axon.commandGateway().sendAndWait(command);
            return true;
        } catch (RuntimeException refused) {
            return false;
        }
    }

    private static List<Object> events(Configuration axon, String escrowId) {
        return axon.eventStore().readEvents(escrowId).asStream().map(EventMessage::getPayload).collect(Collectors.toList());
    }

    private static void checkInvariants(List<Object> events) {
        Map<LedgerAccount, Long> balance = new EnumMap<>(LedgerAccount.class);
        long funded = 0;
        long out = 0;
        for (Object event : events) {
            List<Posting> postings = postings(event);
            assertThat(postings.stream().mapToLong(Posting::amount).sum()).as("%s balances", event).isZero();
            postings.forEach(p -> balance.merge(p.account(), p.amount(), Long::sum));
            if (event instanceof EscrowFunded f) {
                funded += f.funded().amount();
            } else if (event instanceof PayoutCompleted p) {
                out += p.amount().amount();
            } else if (event instanceof EscrowRefunded r) {
                out += r.refunded().amount();
            } else if (event instanceof PayoutFailed f && !f.postings().isEmpty()) {
                out -= f.postings().get(0).amount();
            }
        }
        assertThat(events.stream().filter(EscrowFunded.class::isInstance).count()).as("funded at most once").isLessThanOrEqualTo(1);
        assertThat(out).as("money out never exceeds money in").isBetween(0L, funded);
        for (LedgerAccount liability : List.of(LedgerAccount.ESCROW, LedgerAccount.WORKER_PAYABLE, LedgerAccount.REFUND_PAYABLE)) {
            assertThat(balance.getOrDefault(liability, 0L)).as("%s is never overdrawn", liability).isLessThanOrEqualTo(0);
        }
        assertThat(balance.getOrDefault(LedgerAccount.ESCROW, 0L)).as("the escrow never holds more than the total")
                .isGreaterThanOrEqualTo(-TOTAL.amount());
    }

    private static List<Posting> postings(Object event) {
        try {
            var accessor = event.getClass().getMethod("postings");
            @SuppressWarnings("unchecked")
            List<Posting> postings = (List<Posting>) accessor.invoke(event);
            return postings;
        } catch (NoSuchMethodException e) {
            return List.of();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
