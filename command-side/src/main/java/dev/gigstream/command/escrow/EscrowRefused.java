package dev.gigstream.command.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.messages.escrow.EscrowReferences;
import dev.gigstream.messages.escrow.EscrowStatus;

import static dev.gigstream.messages.escrow.EscrowErrorCode.AMOUNT_MISMATCH;
import static dev.gigstream.messages.escrow.EscrowErrorCode.EXCEEDS_FUNDS;
import static dev.gigstream.messages.escrow.EscrowErrorCode.FROZEN;
import static dev.gigstream.messages.escrow.EscrowErrorCode.INVALID_AMOUNT;
import static dev.gigstream.messages.escrow.EscrowErrorCode.NOT_FUNDED;
import static dev.gigstream.messages.escrow.EscrowErrorCode.NO_PAYOUT_TO_RETRY;
import static dev.gigstream.messages.escrow.EscrowErrorCode.UNKNOWN_PAYOUT;
import static dev.gigstream.messages.escrow.EscrowErrorCode.WRONG_STATE;

/** The reasons an escrow refuses a command, each with its stable error code. */
final class EscrowRefused {

    private EscrowRefused() {
    }

    static RefusedException invalidAmount(EscrowId escrowId, String why) {
        return new RefusedException(INVALID_AMOUNT, "Escrow " + escrowId + ": " + why);
    }

    static RefusedException amountMismatch(EscrowId escrowId, Money expected, Money got, String reference) {
        return new RefusedException(AMOUNT_MISMATCH, "Escrow " + escrowId + " expects " + expected.amount() + " "
                + expected.currency() + " under reference " + EscrowReferences.charge(escrowId) + ", not "
                + got.amount() + " " + got.currency() + " under " + reference);
    }

    static RefusedException notFunded(EscrowId escrowId, EscrowStatus status) {
        return new RefusedException(NOT_FUNDED, "Escrow " + escrowId + " is " + status + ", not FUNDED");
    }

    static RefusedException frozen(EscrowId escrowId) {
        return new RefusedException(FROZEN, "Escrow " + escrowId + " is frozen by a dispute: nothing is released");
    }

    static RefusedException chargebackHold(EscrowId escrowId, String chargebackId) {
        return new RefusedException(FROZEN, "Escrow " + escrowId + " is frozen by chargeback " + chargebackId
                + ": nothing is released or refunded until Paystack resolves it in the platform's favour");
    }

    static RefusedException exceedsFunds(EscrowId escrowId, Money asked, Money held) {
        return new RefusedException(EXCEEDS_FUNDS, "Escrow " + escrowId + " holds " + held.amount() + " " + held.currency()
                + ", not " + asked.amount());
    }

    static RefusedException noPayoutToRetry(EscrowId escrowId, EscrowStatus status) {
        return new RefusedException(NO_PAYOUT_TO_RETRY, "Escrow " + escrowId + " is " + status
                + " and has no payout waiting for an operator");
    }

    static RefusedException unknownPayout(EscrowId escrowId, String reference) {
        return new RefusedException(UNKNOWN_PAYOUT, "Escrow " + escrowId + " has no pending payout " + reference);
    }

    static RefusedException wrongState(EscrowId escrowId, EscrowStatus status, String what) {
        return new RefusedException(WRONG_STATE, "Escrow " + escrowId + " is " + status + " and cannot be " + what);
    }
}
