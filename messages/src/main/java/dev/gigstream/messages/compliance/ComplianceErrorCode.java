package dev.gigstream.messages.compliance;

import dev.gigstream.messages.common.ErrorCode;
import dev.gigstream.messages.common.Refusal.Kind;

public enum ComplianceErrorCode implements ErrorCode {
    INVALID_FLAG(Kind.INVALID),
    INVALID_ACKNOWLEDGEMENT(Kind.INVALID),
    FLAG_NOT_FOUND(Kind.NOT_FOUND);

    private final Kind kind;

    ComplianceErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
