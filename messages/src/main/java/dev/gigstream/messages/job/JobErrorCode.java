package dev.gigstream.messages.job;

import dev.gigstream.messages.common.ErrorCode;
import dev.gigstream.messages.common.Refusal.Kind;

public enum JobErrorCode implements ErrorCode {
    INVALID_SHIFT(Kind.INVALID),
    SHIFT_IN_THE_PAST(Kind.INVALID),
    INVALID_PAY(Kind.INVALID),
    NO_REQUIRED_SKILLS(Kind.INVALID),
    INVALID_SKILL(Kind.INVALID),
    NOT_THE_JOBS_CLIENT(Kind.FORBIDDEN),
    JOB_NOT_OPEN(Kind.CONFLICT),
    JOB_ID_TAKEN(Kind.CONFLICT),
    SHIFT_ALREADY_STARTED(Kind.CONFLICT),
    ALREADY_APPLIED(Kind.CONFLICT),
    NOT_AN_APPLICANT(Kind.CONFLICT),
    WORKER_HAS_NO_PROFILE(Kind.CONFLICT),
    WORKER_SUSPENDED(Kind.FORBIDDEN),
    CLIENT_SUSPENDED(Kind.FORBIDDEN),
    HIRED_WORKER_CANNOT_WITHDRAW(Kind.CONFLICT),
    JOB_CANNOT_BE_CANCELLED(Kind.CONFLICT),
    NOT_THE_HIRED_WORKER(Kind.FORBIDDEN),
    JOB_NOT_FUNDED(Kind.CONFLICT),
    OUTSIDE_GEOFENCE(Kind.CONFLICT),
    OUTSIDE_CHECK_IN_WINDOW(Kind.CONFLICT),
    NOT_CHECKED_IN(Kind.CONFLICT),
    NOT_CHECKED_OUT(Kind.CONFLICT),
    NO_SHOW_TOO_EARLY(Kind.CONFLICT),
    WORKER_CHECKED_IN(Kind.CONFLICT),
    JOB_DISPUTED(Kind.CONFLICT),
    OFFER_WAVE_NOT_DUE(Kind.CONFLICT);

    private final Kind kind;

    JobErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
