package dev.gigstream.command.escrow;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.Refusal;
import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.escrow.CancelEscrow;
import dev.gigstream.messages.escrow.ChargebackLost;
import dev.gigstream.messages.escrow.ChargebackReceived;
import dev.gigstream.messages.escrow.ChargebackResolved;
import dev.gigstream.messages.escrow.ConfirmEscrowFunded;
import dev.gigstream.messages.escrow.ConfirmPayout;
import dev.gigstream.messages.escrow.ConfirmRefund;
import dev.gigstream.messages.escrow.EscrowFrozen;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowRefundStarted;
import dev.gigstream.messages.escrow.EscrowRefunded;
import dev.gigstream.messages.escrow.EscrowReleased;
import dev.gigstream.messages.escrow.EscrowSettled;
import dev.gigstream.messages.escrow.EscrowStatus;
import dev.gigstream.messages.escrow.FlagEscrowForAdmin;
import dev.gigstream.messages.escrow.FlagPayoutForAdmin;
import dev.gigstream.messages.escrow.FreezeEscrow;
import dev.gigstream.messages.escrow.LedgerAccount;
import dev.gigstream.messages.escrow.PayoutCompleted;
import dev.gigstream.messages.escrow.PayoutFailed;
import dev.gigstream.messages.escrow.PayoutRetryRequested;
import dev.gigstream.messages.escrow.Posting;
import dev.gigstream.messages.escrow.RecordChargeback;
import dev.gigstream.messages.escrow.RecordChargebackResolution;
import dev.gigstream.messages.escrow.RecordCheckout;
import dev.gigstream.messages.escrow.RefundEscrow;
import dev.gigstream.messages.escrow.ReleaseEscrow;
import dev.gigstream.messages.escrow.ReportPayoutFailure;
import dev.gigstream.messages.escrow.RequestEscrowFunding;
import dev.gigstream.messages.escrow.RetryPayout;
import dev.gigstream.messages.escrow.UnfreezeEscrow;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.gigstream.messages.escrow.EscrowReferences.charge;
import static dev.gigstream.messages.escrow.EscrowReferences.payout;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of escrow commands (duplicates, wrong amounts, out-of-order confirmations,
 * disputes, reversals, operator retries and chargebacks included) against the real aggregate.
 * Whatever happens: every ledger entry balances, no more leaves than came in, no liability turns
 * into an asset, funding happens at most once, the worker is paid at most what one outcome made
 * payable, the escrow settles exactly when nothing is owed any more, a refused command changes
 * nothing, and a command that just succeeded changes nothing when sent again.
 */
class EscrowLedgerPropertiesTest {

    private static final Money PAY = Money.of(1_000_000, Currency.NGN);
    private static final Money TOTAL = Money.of(1_100_000, Currency.NGN);
    private static final List<LedgerAccount> LIABILITIES =
            List.of(LedgerAccount.ESCROW, LedgerAccount.WORKER_PAYABLE, LedgerAccount.REFUND_PAYABLE);

    /**
     * The commands one step sends to the escrow with this id, chosen from its events so far (so
     * Paystack can confirm what is actually pending). Named, so a shrunk counterexample reads.
     */
    record Step(String name, BiFunction<String, List<Object>, List<Object>> commands) {

        static Step of(String name, Function<String, Object> command) {
            return new Step(name, (id, events) -> List.of(command.apply(id)));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Provide
    Arbitrary<List<Step>> scenarios() {
        Arbitrary<Long> amount = Arbitraries.oneOf(
                Arbitraries.of(-1L, 0L, 1L, 100_000L, 500_000L, 1_000_000L, 1_100_000L, 1_100_001L),
                Arbitraries.longs().between(0, 1_200_000));
        Arbitrary<Money> money = Arbitraries.frequencyOf(
                Tuple.of(9, amount.map(a -> Money.of(a, Currency.NGN))),
                Tuple.of(1, amount.map(a -> Money.of(a, Currency.GHS))));
        Arbitrary<Integer> attempt = Arbitraries.integers().between(1, 4);
        Arbitrary<String> chargebackId = Arbitraries.of("cb-1", "cb-2");
        Arbitrary<String> flag = Arbitraries.of("look at this", "payouts keep failing");
        Arbitrary<Long> splitShare = Arbitraries.longs().between(1, PAY.amount() - 1);
        Step paidTheTotal = Step.of("paid the total",
                id -> new ConfirmEscrowFunded(EscrowId.of(id), charge(EscrowId.of(id)), TOTAL, Money.of(20_000, TOTAL.currency()), Instant.EPOCH));
        @SuppressWarnings("unchecked")
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                // the client pays, or something else arrives
                Tuple.of(1, money.map(paid -> Step.of("paid " + paid.amount() + " " + paid.currency(),
                        id -> new ConfirmEscrowFunded(EscrowId.of(id), charge(EscrowId.of(id)), paid, Money.of(20_000, paid.currency()), Instant.EPOCH)))),
                Tuple.of(2, Arbitraries.just(paidTheTotal)),
                Tuple.of(1, Arbitraries.just(Step.of("checkout opened",
                        id -> new RecordCheckout(EscrowId.of(id), "https://checkout.paystack.com/x")))),
                Tuple.of(1, Arbitraries.just(Step.of("cancel", id -> new CancelEscrow(EscrowId.of(id), "window expired")))),
                // the job's lifecycle
                Tuple.of(3, Arbitraries.just(Step.of("release", id -> new ReleaseEscrow(EscrowId.of(id))))),
                Tuple.of(2, money.map(share -> Step.of("refund, worker's share " + share.amount() + " " + share.currency(),
                        id -> new RefundEscrow(EscrowId.of(id), share, "cancelled")))),
                // a dispute: frozen, then unfrozen by a withdrawal, or decided
                Tuple.of(3, Arbitraries.just(Step.of("freeze", id -> new FreezeEscrow(EscrowId.of(id), "dispute")))),
                Tuple.of(1, Arbitraries.just(Step.of("unfreeze", id -> new UnfreezeEscrow(EscrowId.of(id), "dispute withdrawn")))),
                Tuple.of(2, Arbitraries.just(new Step("dispute RELEASE_TO_WORKER", (id, events) -> List.of(
                        new UnfreezeEscrow(EscrowId.of(id), "dispute resolved"), new ReleaseEscrow(EscrowId.of(id)))))),
                Tuple.of(2, Arbitraries.just(Step.of("dispute REFUND_TO_CLIENT",
                        id -> new RefundEscrow(EscrowId.of(id), Money.zero(Currency.NGN), "dispute: refund to client")))),
                Tuple.of(2, splitShare.map(share -> Step.of("dispute SPLIT, worker's share " + share,
                        id -> new RefundEscrow(EscrowId.of(id), Money.of(share, Currency.NGN), "dispute: split")))),
                // Paystack's answers: right, duplicated, late, or about an attempt that does not exist
                Tuple.of(2, attempt.map(n -> Step.of("payout " + n + " succeeded",
                        id -> new ConfirmPayout(EscrowId.of(id), payout(EscrowId.of(id), n))))),
                Tuple.of(3, attempt.map(n -> Step.of("payout " + n + " failed",
                        id -> new ReportPayoutFailure(EscrowId.of(id), payout(EscrowId.of(id), n), "failed")))),
                Tuple.of(5, Arbitraries.just(new Step("the pending payout succeeded", (id, events) -> List.of(
                        new ConfirmPayout(EscrowId.of(id), pendingPayout(id, events)))))),
                Tuple.of(2, Arbitraries.just(new Step("the completed payout was reversed", (id, events) -> List.of(
                        new ReportPayoutFailure(EscrowId.of(id), completedPayout(id, events), "reversed"))))),
                Tuple.of(1, money.map(refunded -> Step.of("refund of " + refunded.amount() + " " + refunded.currency()
                        + " processed", id -> new ConfirmRefund(EscrowId.of(id), refunded)))),
                Tuple.of(4, Arbitraries.just(new Step("the owed refund processed", (id, events) -> List.of(
                        new ConfirmRefund(EscrowId.of(id), owedRefund(events)))))),
                Tuple.of(2, chargebackId.map(cb -> Step.of("chargeback " + cb,
                        id -> new RecordChargeback(EscrowId.of(id), cb, "fraudulent", Instant.EPOCH)))),
                Tuple.of(3, Combinators.combine(chargebackId, Arbitraries.of("declined", "merchant-accepted", "unknown"),
                        Arbitraries.oneOf(money, Arbitraries.just((Money) null))).as((cb, resolution, takenBack) -> Step.of(
                        "chargeback " + cb + " resolved " + resolution + (takenBack == null ? "" : " for " + takenBack.amount()),
                        id -> new RecordChargebackResolution(EscrowId.of(id), cb, resolution, takenBack)))),
                Tuple.of(1, Arbitraries.just(new Step("the last chargeback lost", (id, events) -> lastChargeback(events)
                        .map(cb -> List.<Object>of(new RecordChargebackResolution(EscrowId.of(id), cb, "merchant-accepted", null)))
                        .orElse(List.of())))),
                // operators
                Tuple.of(2, flag.map(reason -> Step.of("flag: " + reason, id -> new FlagEscrowForAdmin(EscrowId.of(id), reason)))),
                Tuple.of(2, Arbitraries.just(new Step("the pending payout is stuck", (id, events) -> List.of(
                        new FlagPayoutForAdmin(EscrowId.of(id), pendingPayout(id, events), "stuck"))))),
                Tuple.of(3, Arbitraries.just(Step.of("operator retries the payout", id -> new RetryPayout(EscrowId.of(id), "admin")))),
                // the two steps above follow each other too rarely for a retry to be reached reliably in 200 tries
                Tuple.of(2, Arbitraries.just(new Step("the pending payout is stuck, and an operator retries it", (id, events) -> List.of(
                        new FlagPayoutForAdmin(EscrowId.of(id), pendingPayout(id, events), "stuck"),
                        new RetryPayout(EscrowId.of(id), "admin"))))));
        // most escrows get paid first; the rest show what an unpaid one refuses
        Arbitrary<List<Step>> start = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(List.of(paidTheTotal))),
                Tuple.of(1, Arbitraries.just(List.<Step>of())));
        return Combinators.combine(start, step.list().ofMinSize(5).ofMaxSize(30)
                .withSizeDistribution(RandomDistribution.uniform())).as((first, rest) -> {
            List<Step> steps = new ArrayList<>(first);
            steps.addAll(rest);
            return steps;
        });
    }

    @Property(tries = 200)
    @StatisticsReport(onFailureOnly = true)
    void moneyNeverAppearsOrDisappears(@ForAll("scenarios") List<Step> steps) {
        Configuration axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(EscrowPayment.class)
                .registerComponent(FeePolicy.class, c -> new FeePolicy(1_000))
                .buildConfiguration();
        axon.start();
        try {
            String escrowId = UUID.randomUUID().toString();
            axon.commandGateway().sendAndWait(new RequestEscrowFunding(EscrowId.of(escrowId), JobId.of("job"), "client", WorkerId.of("worker"), PAY));
            for (Step step : steps) {
                for (Object command : step.commands().apply(escrowId, events(axon, escrowId))) {
                    List<Object> before = events(axon, escrowId);
                    boolean handled = send(axon, command);
                    List<Object> after = events(axon, escrowId);
                    if (handled) {
                        send(axon, command);
                        assertThat(events(axon, escrowId)).as("repeating %s changes nothing", command).hasSize(after.size());
                    } else {
                        assertThat(after).as("refused %s changes nothing", command).hasSize(before.size());
                    }
                    checkInvariants(after);
                }
            }
            checkCoverage(events(axon, escrowId));
        } finally {
            axon.shutdown();
        }
    }

    /** Enough of the random escrows get to each ending and down each path that the invariants mean something. */
    private static void checkCoverage(List<Object> events) {
        Statistics.label("settled as").collect(events.stream().filter(EscrowSettled.class::isInstance)
                .map(e -> ((EscrowSettled) e).status().name()).reduce((first, last) -> last).orElse("never"));
        Statistics.label("settled as").coverage(coverage -> {
            coverage.check("RELEASED").percentage(p -> p >= 5);
            coverage.check("SPLIT").percentage(p -> p >= 2);
            coverage.check("REFUNDED").percentage(p -> p >= 1);
        });
        reached("frozen by a dispute", events.stream().anyMatch(EscrowFrozen.class::isInstance), 5);
        reached("a payout reversed", events.stream().anyMatch(e -> e instanceof PayoutFailed f && !f.postings().isEmpty()), 5);
        reached("a payout retried by an operator", events.stream().anyMatch(PayoutRetryRequested.class::isInstance), 2);
        reached("charged back while held", events.stream().anyMatch(e -> e instanceof ChargebackReceived c && c.moneyHeld()), 2);
        reached("charged back once the money left",
                events.stream().anyMatch(e -> e instanceof ChargebackReceived c && !c.moneyHeld()), 5);
        reached("a chargeback lost", events.stream().anyMatch(ChargebackLost.class::isInstance), 1);
    }

    private static void reached(String path, boolean reached, double atLeastPercent) {
        Statistics.label(path).collect(reached);
        Statistics.label(path).coverage(coverage -> coverage.check(true).percentage(p -> p >= atLeastPercent));
    }

    /** True when handled, false when refused; anything else (an unbalanced entry, a currency mix-up) fails the property. */
    private static boolean send(Configuration axon, Object command) {
        try {
            axon.commandGateway().sendAndWait(command);
            return true;
        } catch (RuntimeException e) {
            if (isRefusal(e)) {
                return false;
            }
            throw new AssertionError(command + " failed instead of being handled or refused", e);
        }
    }

    private static boolean isRefusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedException
                    || cause instanceof CommandExecutionException c && c.getDetails().orElse(null) instanceof Refusal) {
                return true;
            }
        }
        return false;
    }

    private static List<Object> events(Configuration axon, String escrowId) {
        return axon.eventStore().readEvents(escrowId).asStream().map(EventMessage::getPayload).collect(Collectors.toList());
    }

    /** The reference a payout is pending under, as the events tell (the first one if none is). */
    private static String pendingPayout(String escrowId, List<Object> events) {
        String pending = payout(EscrowId.of(escrowId), 1);
        for (Object event : events) {
            if (event instanceof EscrowReleased r) {
                pending = r.payoutReference();
            } else if (event instanceof EscrowRefundStarted r && r.payoutReference() != null) {
                pending = r.payoutReference();
            } else if (event instanceof PayoutFailed f) {
                pending = f.nextPayoutReference();
            }
        }
        return pending;
    }

    private static String completedPayout(String escrowId, List<Object> events) {
        String completed = payout(EscrowId.of(escrowId), 1);
        for (Object event : events) {
            if (event instanceof PayoutCompleted c) {
                completed = c.payoutReference();
            }
        }
        return completed;
    }

    /** The chargeback recorded last, if any: resolving it is the way down the "lost" path that random ids seldom find. */
    private static Optional<String> lastChargeback(List<Object> events) {
        String last = null;
        for (Object event : events) {
            if (event instanceof ChargebackReceived c) {
                last = c.chargebackId();
            }
        }
        return Optional.ofNullable(last);
    }

    private static Money owedRefund(List<Object> events) {
        Money owed = TOTAL;
        for (Object event : events) {
            if (event instanceof EscrowRefundStarted r) {
                owed = r.refund();
            }
        }
        return owed;
    }

    private static void checkInvariants(List<Object> events) {
        Map<LedgerAccount, Long> balance = new EnumMap<>(LedgerAccount.class);
        long funded = 0;
        long out = 0;
        long madePayableToWorker = 0;
        long paidToWorker = 0;
        int outcomes = 0;
        int reversals = 0;
        int settlements = 0;
        EscrowStatus outcome = null;
        java.util.Set<String> chargebacksOnHeldMoney = new java.util.HashSet<>();
        java.util.Set<String> unresolvedChargebacks = new java.util.HashSet<>();
        java.util.Set<String> resolvedChargebacks = new java.util.HashSet<>(); // a resolution may come first
        boolean lostWhileHeld = false;
        for (int i = 0; i < events.size(); i++) {
            Object event = events.get(i);
            List<Posting> postings = postings(event);
            assertThat(postings.stream().mapToLong(Posting::amount).sum()).as("%s balances", event).isZero();
            postings.forEach(p -> balance.merge(p.account(), p.amount(), Long::sum));
            if (event instanceof EscrowFunded f) {
                funded += f.funded().amount();
                chargebacksOnHeldMoney.addAll(unresolvedChargebacks); // they arrived before the money did
            } else if (event instanceof EscrowReleased r) {
                assertThat(chargebacksOnHeldMoney.isEmpty() && !lostWhileHeld)
                        .as("%s while a chargeback holds the money", r).isTrue();
                outcomes++;
                outcome = EscrowStatus.RELEASED;
                madePayableToWorker += r.workerAmount().amount();
            } else if (event instanceof EscrowRefundStarted r) {
                assertThat(chargebacksOnHeldMoney.isEmpty() && !lostWhileHeld)
                        .as("%s while a chargeback holds the money", r).isTrue();
                outcomes++;
                outcome = r.workerShare().isPositive() ? EscrowStatus.SPLIT : EscrowStatus.REFUNDED;
                madePayableToWorker += r.workerShare().amount();
            } else if (event instanceof PayoutCompleted p) {
                out += p.amount().amount();
                paidToWorker += p.amount().amount();
            } else if (event instanceof EscrowRefunded r) {
                out += r.refunded().amount();
            } else if (event instanceof ChargebackReceived c) {
                if (!resolvedChargebacks.contains(c.chargebackId())) {
                    unresolvedChargebacks.add(c.chargebackId());
                }
                if (c.moneyHeld()) {
                    chargebacksOnHeldMoney.add(c.chargebackId());
                }
            } else if (event instanceof ChargebackResolved c) {
                resolvedChargebacks.add(c.chargebackId());
                unresolvedChargebacks.remove(c.chargebackId());
                if (c.resolution().equals("declined")) {
                    chargebacksOnHeldMoney.remove(c.chargebackId());
                }
            } else if (event instanceof ChargebackLost c) {
                // what the escrow still held went back to the client; only the rest is the platform's loss
                long fromEscrow = postings.stream().filter(p -> p.account() == LedgerAccount.ESCROW).mapToLong(Posting::amount).sum();
                out += fromEscrow;
                lostWhileHeld |= chargebacksOnHeldMoney.remove(c.chargebackId()) || fromEscrow > 0;
            } else if (event instanceof PayoutFailed f && !f.postings().isEmpty()) {
                reversals++;
                out -= f.amount().amount();
                paidToWorker -= f.amount().amount();
            } else if (event instanceof EscrowSettled s) {
                settlements++;
                assertThat(i > 0 && (events.get(i - 1) instanceof PayoutCompleted || events.get(i - 1) instanceof EscrowRefunded))
                        .as("%s follows the payout or refund that paid the last of what was owed", s).isTrue();
                assertThat(owed(balance)).as("%s only when nothing is owed", s).isEmpty();
                assertThat(s.status()).as("%s says how the escrow ended", s).isEqualTo(outcome);
                assertThat(settlements).as("settled again only after a reversal reopened it").isLessThanOrEqualTo(1 + reversals);
            }
            if ((event instanceof PayoutCompleted || event instanceof EscrowRefunded) && owed(balance).isEmpty()) {
                assertThat(i + 1 < events.size() && events.get(i + 1) instanceof EscrowSettled)
                        .as("the escrow settles right after %s paid the last of what was owed", event).isTrue();
            }
            assertThat(paidToWorker).as("the worker is paid at most what was made payable to them")
                    .isBetween(0L, madePayableToWorker);
        }
        assertThat(events.stream().filter(EscrowFunded.class::isInstance).count()).as("funded at most once").isLessThanOrEqualTo(1);
        assertThat(outcomes).as("released or refunded, once").isLessThanOrEqualTo(1);
        assertThat(out).as("money out never exceeds money in").isBetween(0L, funded);
        for (LedgerAccount liability : LIABILITIES) {
            assertThat(balance.getOrDefault(liability, 0L)).as("%s is never overdrawn", liability).isLessThanOrEqualTo(0);
        }
        assertThat(balance.getOrDefault(LedgerAccount.CHARGEBACK_LOSSES, 0L)).as("a chargeback loss is never a gain")
                .isGreaterThanOrEqualTo(0);
        assertThat(balance.getOrDefault(LedgerAccount.ESCROW, 0L)).as("the escrow never holds more than the total")
                .isGreaterThanOrEqualTo(-TOTAL.amount());
    }

    /** The liabilities that still hold money: the escrow itself, the worker's payable, the client's refund. */
    private static Map<LedgerAccount, Long> owed(Map<LedgerAccount, Long> balance) {
        Map<LedgerAccount, Long> owed = new EnumMap<>(LedgerAccount.class);
        LIABILITIES.forEach(account -> {
            if (balance.getOrDefault(account, 0L) != 0) {
                owed.put(account, balance.get(account));
            }
        });
        return owed;
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
