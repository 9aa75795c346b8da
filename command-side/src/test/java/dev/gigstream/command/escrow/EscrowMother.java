package dev.gigstream.command.escrow;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.escrow.ChargebackLost;
import dev.gigstream.messages.escrow.ChargebackReceived;
import dev.gigstream.messages.escrow.ChargebackResolved;
import dev.gigstream.messages.escrow.EscrowFlagCleared;
import dev.gigstream.messages.escrow.EscrowFlaggedForAdmin;
import dev.gigstream.messages.escrow.EscrowFrozen;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowFundingRequested;
import dev.gigstream.messages.escrow.EscrowKeptFrozen;
import dev.gigstream.messages.escrow.EscrowReferences;
import dev.gigstream.messages.escrow.EscrowRefundStarted;
import dev.gigstream.messages.escrow.EscrowRefunded;
import dev.gigstream.messages.escrow.EscrowReleased;
import dev.gigstream.messages.escrow.EscrowSettled;
import dev.gigstream.messages.escrow.EscrowStatus;
import dev.gigstream.messages.escrow.EscrowUnfrozen;
import dev.gigstream.messages.escrow.FlagCauses;
import dev.gigstream.messages.escrow.PayoutCompleted;
import dev.gigstream.messages.escrow.PayoutFailed;
import dev.gigstream.messages.escrow.PayoutFlaggedForAdmin;
import dev.gigstream.messages.escrow.Posting;

import java.time.Instant;
import java.util.List;

import static dev.gigstream.messages.escrow.LedgerAccount.CHARGEBACK_LOSSES;
import static dev.gigstream.messages.escrow.LedgerAccount.ESCROW;
import static dev.gigstream.messages.escrow.LedgerAccount.PAYSTACK_BALANCE;
import static dev.gigstream.messages.escrow.LedgerAccount.PLATFORM_REVENUE;
import static dev.gigstream.messages.escrow.LedgerAccount.PROCESSOR_FEES;
import static dev.gigstream.messages.escrow.LedgerAccount.REFUND_PAYABLE;
import static dev.gigstream.messages.escrow.LedgerAccount.WORKER_PAYABLE;

/**
 * An escrow for a 15,000 NGN shift: the client pays 16,500 (10 % fee); Paystack keeps 347.50. A
 * split gives the worker 7,500 and refunds the client the other 9,000.
 */
final class EscrowMother {

    static final String ESCROW_ID = "0b7e2c1d-7a57-4c0e-9d6f-2f1f4c3a9b10";
    static final String JOB_ID = "5c1d9e2a-1b3f-4e7a-8c2d-9f0a1b2c3d4e";
    static final String CLIENT_ID = "c1a5e0b2-0d1f-4d7e-8a8c-2c4f5e6a7b8c";
    static final String WORKER_ID = "3f0d6a52-6a0e-4a53-9d43-0b9a2f5d8c11";
    static final String ADMIN_ID = "a0d1e2f3-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    static final Money PAY = Money.of(1_500_000, Currency.NGN);
    static final Money FEE = Money.of(150_000, Currency.NGN);
    static final Money TOTAL = Money.of(1_650_000, Currency.NGN);
    static final Money NOTHING = Money.zero(Currency.NGN);
    static final Money WORKER_SHARE = Money.of(750_000, Currency.NGN);
    static final Money CLIENT_SHARE = Money.of(900_000, Currency.NGN);
    static final Money PROCESSOR_FEE = Money.of(34_750, Currency.NGN);
    static final String CHARGE = EscrowReferences.charge(EscrowId.of(ESCROW_ID));
    static final String FIRST_PAYOUT = EscrowReferences.payout(EscrowId.of(ESCROW_ID), 1);
    static final String SECOND_PAYOUT = EscrowReferences.payout(EscrowId.of(ESCROW_ID), 2);
    static final String CHARGEBACK_ID = "cb-7731";
    static final Instant CHARGED_BACK_AT = Instant.parse("2026-12-02T08:00:00Z");

    private EscrowMother() {
    }

    static EscrowFundingRequested requested() {
        return new EscrowFundingRequested(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), CLIENT_ID, WorkerId.of(WORKER_ID), PAY, FEE, TOTAL, CHARGE);
    }

    static EscrowFunded funded() {
        return new EscrowFunded(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), TOTAL, PROCESSOR_FEE, List.of(
                new Posting(PAYSTACK_BALANCE, TOTAL.amount() - PROCESSOR_FEE.amount()),
                new Posting(PROCESSOR_FEES, PROCESSOR_FEE.amount()),
                new Posting(ESCROW, -TOTAL.amount())));
    }

    static EscrowFrozen frozen() {
        return new EscrowFrozen(EscrowId.of(ESCROW_ID), "dispute opened");
    }

    static EscrowReleased released() {
        return new EscrowReleased(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), WorkerId.of(WORKER_ID), PAY, FEE, FIRST_PAYOUT, List.of(
                new Posting(ESCROW, TOTAL.amount()),
                new Posting(WORKER_PAYABLE, -PAY.amount()),
                new Posting(PLATFORM_REVENUE, -FEE.amount())));
    }

    /** The whole total goes back to the client; nothing is paid out. */
    static EscrowRefundStarted fullRefundStarted() {
        return fullRefundStarted("cancelled");
    }

    static EscrowRefundStarted fullRefundStarted(String reason) {
        return new EscrowRefundStarted(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), WorkerId.of(WORKER_ID), TOTAL, NOTHING, null, reason,
                List.of(new Posting(ESCROW, TOTAL.amount()), new Posting(REFUND_PAYABLE, -TOTAL.amount())));
    }

    /** {@link #WORKER_SHARE} is paid out under the first payout reference, {@link #CLIENT_SHARE} refunded. */
    static EscrowRefundStarted splitStarted() {
        return splitStarted("cancelled on the day");
    }

    static EscrowRefundStarted splitStarted(String reason) {
        return new EscrowRefundStarted(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), WorkerId.of(WORKER_ID), CLIENT_SHARE, WORKER_SHARE, FIRST_PAYOUT,
                reason, List.of(new Posting(ESCROW, TOTAL.amount()),
                new Posting(REFUND_PAYABLE, -CLIENT_SHARE.amount()), new Posting(WORKER_PAYABLE, -WORKER_SHARE.amount())));
    }

    static EscrowRefunded refunded(Money amount) {
        return new EscrowRefunded(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), amount, List.of(
                new Posting(REFUND_PAYABLE, amount.amount()), new Posting(PAYSTACK_BALANCE, -amount.amount())));
    }

    static PayoutCompleted payoutCompleted() {
        return payoutCompleted(FIRST_PAYOUT, PAY);
    }

    static PayoutCompleted payoutCompleted(String reference, Money amount) {
        return new PayoutCompleted(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), WorkerId.of(WORKER_ID), amount, reference, List.of(
                new Posting(WORKER_PAYABLE, amount.amount()), new Posting(PAYSTACK_BALANCE, -amount.amount())));
    }

    /** The attempt under {@code reference} failed before any money moved; the next one uses {@code next}. */
    static PayoutFailed payoutFailed(String reference, int failures, String next, Money amount) {
        return new PayoutFailed(EscrowId.of(ESCROW_ID), reference, "Account resolution failed", failures, next, amount, List.of());
    }

    /** The completed payout under {@code reference} was reversed: the money is owed to the worker again. */
    static PayoutFailed payoutReversed(String reference, int failures, String next, Money amount) {
        return new PayoutFailed(EscrowId.of(ESCROW_ID), reference, "reversed by the bank", failures, next, amount, List.of(
                new Posting(PAYSTACK_BALANCE, amount.amount()), new Posting(WORKER_PAYABLE, -amount.amount())));
    }

    static PayoutFlaggedForAdmin reversalFlagged(String reversed, String next) {
        return new PayoutFlaggedForAdmin(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), next, "the payout " + reversed
                + " was reversed after it went through: check the worker's payout account, then retry");
    }

    static PayoutFlaggedForAdmin payoutFlagged(String reference) {
        return new PayoutFlaggedForAdmin(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), reference, "payouts keep failing");
    }

    static EscrowFlaggedForAdmin flagged(String reason) {
        return new EscrowFlaggedForAdmin(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), reason);
    }

    static EscrowSettled settled(EscrowStatus status) {
        return new EscrowSettled(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), status);
    }

    static ChargebackReceived chargebackReceived(boolean moneyHeld) {
        return new ChargebackReceived(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), CLIENT_ID, CHARGEBACK_ID, "fraudulent", moneyHeld, CHARGED_BACK_AT);
    }

    static EscrowFlaggedForAdmin chargebackFlagged(EscrowStatus status) {
        return new EscrowFlaggedForAdmin(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), "chargeback " + CHARGEBACK_ID + " while the escrow is " + status
                + ": contest it at Paystack or recover the money", FlagCauses.chargeback(CHARGEBACK_ID));
    }

    static final String HOLD_REASON = "chargeback " + CHARGEBACK_ID
            + " on the money the escrow holds: it stays frozen until Paystack resolves the chargeback; contest it at Paystack";

    /** A chargeback while the escrow holds the money: flagged from the moment it arrives. */
    static EscrowFlaggedForAdmin chargebackHoldFlagged() {
        return new EscrowFlaggedForAdmin(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), HOLD_REASON, FlagCauses.chargeback(CHARGEBACK_ID));
    }

    static EscrowFlagCleared flagCleared(EscrowFlaggedForAdmin flag) {
        return new EscrowFlagCleared(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), flag.reason(), flag.cause());
    }

    static EscrowKeptFrozen keptFrozen(String reason) {
        return new EscrowKeptFrozen(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), reason, CHARGEBACK_ID);
    }

    static EscrowUnfrozen unfrozenByWonChargeback() {
        return new EscrowUnfrozen(EscrowId.of(ESCROW_ID), "chargeback " + CHARGEBACK_ID + " resolved in the platform's favour");
    }

    static ChargebackResolved chargebackResolved(String resolution) {
        return new ChargebackResolved(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), CHARGEBACK_ID, resolution);
    }

    /** Lost while the escrow held {@code held}: that pays for it, the rest is the platform's loss. */
    static ChargebackLost chargebackLost(Money amount, Money held) {
        long fromEscrow = Math.min(amount.amount(), held.amount());
        List<Posting> postings = new java.util.ArrayList<>();
        if (fromEscrow > 0) {
            postings.add(new Posting(ESCROW, fromEscrow));
        }
        if (amount.amount() > fromEscrow) {
            postings.add(new Posting(CHARGEBACK_LOSSES, amount.amount() - fromEscrow));
        }
        postings.add(new Posting(PAYSTACK_BALANCE, -amount.amount()));
        return new ChargebackLost(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), CHARGEBACK_ID, amount, postings);
    }

    static EscrowFlaggedForAdmin chargebackLostFlagged(Money amount) {
        return new EscrowFlaggedForAdmin(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), "chargeback " + CHARGEBACK_ID + " lost: the card network took back "
                + amount.amount() + " " + amount.currency() + " (see the ledger): recover the money or write it off", null);
    }

    static EscrowFlaggedForAdmin refundFlagged(String reason) {
        return new EscrowFlaggedForAdmin(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), reason, FlagCauses.REFUND);
    }
}
