package dev.gigstream.api.audit;

import dev.gigstream.messages.common.ErrorCode;
import dev.gigstream.messages.common.Refusal.Kind;

public enum AuditErrorCode implements ErrorCode {
    AGGREGATE_NOT_FOUND(Kind.NOT_FOUND),
    AGGREGATE_NOT_YET_CREATED(Kind.NOT_FOUND),
    AGGREGATE_TYPE_NOT_REBUILDABLE(Kind.NOT_FOUND),
    INVALID_INSTANT(Kind.INVALID),
    INVALID_POSITION(Kind.INVALID),
    LIMIT_OUT_OF_RANGE(Kind.INVALID),
    INVALID_UNMASKING_REASON(Kind.INVALID),
    UNMASKING_NOT_ALLOWED(Kind.FORBIDDEN);

    private final Kind kind;

    AuditErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
