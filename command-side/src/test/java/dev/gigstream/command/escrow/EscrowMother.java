package dev.gigstream.command.escrow;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowFundingRequested;
import dev.gigstream.messages.escrow.EscrowReferences;
import dev.gigstream.messages.escrow.EscrowReleased;
import dev.gigstream.messages.escrow.Posting;

import java.util.List;

import static dev.gigstream.messages.escrow.LedgerAccount.ESCROW;
import static dev.gigstream.messages.escrow.LedgerAccount.PAYSTACK_BALANCE;
import static dev.gigstream.messages.escrow.LedgerAccount.PLATFORM_REVENUE;
import static dev.gigstream.messages.escrow.LedgerAccount.PROCESSOR_FEES;
import static dev.gigstream.messages.escrow.LedgerAccount.WORKER_PAYABLE;

/** An escrow for a 15,000 NGN shift: the client pays 16,500 (10 % fee); Paystack keeps 347.50. */
final class EscrowMother {

    static final String ESCROW_ID = "0b7e2c1d-7a57-4c0e-9d6f-2f1f4c3a9b10";
    static final String JOB_ID = "5c1d9e2a-1b3f-4e7a-8c2d-9f0a1b2c3d4e";
    static final String CLIENT_ID = "c1a5e0b2-0d1f-4d7e-8a8c-2c4f5e6a7b8c";
    static final String WORKER_ID = "3f0d6a52-6a0e-4a53-9d43-0b9a2f5d8c11";
    static final Money PAY = Money.of(1_500_000, Currency.NGN);
    static final Money FEE = Money.of(150_000, Currency.NGN);
    static final Money TOTAL = Money.of(1_650_000, Currency.NGN);
    static final long PROCESSOR_FEE = 34_750;
    static final String CHARGE = EscrowReferences.charge(ESCROW_ID);
    static final String FIRST_PAYOUT = EscrowReferences.payout(ESCROW_ID, 1);

    private EscrowMother() {
    }

    static EscrowFundingRequested requested() {
        return new EscrowFundingRequested(ESCROW_ID, JOB_ID, CLIENT_ID, WORKER_ID, PAY, FEE, TOTAL, CHARGE);
    }

    static EscrowFunded funded() {
        return new EscrowFunded(ESCROW_ID, JOB_ID, TOTAL, PROCESSOR_FEE, List.of(
                new Posting(PAYSTACK_BALANCE, TOTAL.amount() - PROCESSOR_FEE),
                new Posting(PROCESSOR_FEES, PROCESSOR_FEE),
                new Posting(ESCROW, -TOTAL.amount())));
    }

    static EscrowReleased released() {
        return new EscrowReleased(ESCROW_ID, JOB_ID, WORKER_ID, PAY, FEE, FIRST_PAYOUT, List.of(
                new Posting(ESCROW, TOTAL.amount()),
                new Posting(WORKER_PAYABLE, -PAY.amount()),
                new Posting(PLATFORM_REVENUE, -FEE.amount())));
    }
}
