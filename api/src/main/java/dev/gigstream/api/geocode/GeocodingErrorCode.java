package dev.gigstream.api.geocode;

import dev.gigstream.messages.common.ErrorCode;
import dev.gigstream.messages.common.Refusal.Kind;

public enum GeocodingErrorCode implements ErrorCode {
    ADDRESS_NOT_FOUND(Kind.INVALID),
    COORDINATES_REQUIRED(Kind.INVALID),
    GEOCODING_UNAVAILABLE(Kind.UNAVAILABLE),
    /** The platform's calls to Google for the UTC day are spent ({@link GeocodingBudget}). */
    GEOCODING_BUDGET_SPENT(Kind.UNAVAILABLE);

    private final Kind kind;

    GeocodingErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
