package dev.gigstream.api.admin;

import dev.gigstream.messages.common.ErrorCode;
import dev.gigstream.messages.common.Refusal.Kind;

/** Why a finance export was refused: a period it cannot read. */
enum FinanceErrorCode implements ErrorCode {
    /** {@code from} or {@code to} is not an ISO-8601 instant such as {@code 2026-05-01T00:00:00Z}, or one out of any stored time's range. */
    INVALID_INSTANT(Kind.INVALID),
    /** {@code from} or {@code to} is missing, or {@code from} is after {@code to}. */
    INVALID_PERIOD(Kind.INVALID);

    private final Kind kind;

    FinanceErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
