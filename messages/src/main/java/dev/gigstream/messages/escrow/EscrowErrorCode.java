package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.ErrorCode;
import dev.gigstream.messages.common.Refusal.Kind;

public enum EscrowErrorCode implements ErrorCode {
    INVALID_AMOUNT(Kind.INVALID),
    AMOUNT_MISMATCH(Kind.CONFLICT),
    NOT_FUNDED(Kind.CONFLICT),
    FROZEN(Kind.CONFLICT),
    UNKNOWN_PAYOUT(Kind.CONFLICT),
    EXCEEDS_FUNDS(Kind.CONFLICT),
    WRONG_STATE(Kind.CONFLICT),
    NO_PAYOUT_TO_RETRY(Kind.CONFLICT),
    PAYMENTS_NOT_CONFIGURED(Kind.UNAVAILABLE);

    private final Kind kind;

    EscrowErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
