package dev.gigstream.api.audit;

import dev.gigstream.api.auth.Role;
import dev.gigstream.messages.common.RefusedException;
import org.springframework.security.core.Authentication;
import tools.jackson.databind.JsonNode;

/**
 * What an audit answer shows of the account and phone numbers it carries: masked, as the rest of the
 * API shows them, unless an admin asks for them in clear and says why; the audit-read log keeps the
 * reason. An auditor never reads them in clear.
 */
record Disclosure(String reason) {

    static final Disclosure MASKED = new Disclosure(null);
    static final int MAX_REASON = 500;
    private static final String ADMIN = "ROLE_" + Role.ADMIN.name();

    /**
     * The disclosure {@code reader} asked for: refused unless an admin with a reason of 1 to
     * {@value #MAX_REASON} characters, none a control character (the log keeps it as text).
     */
    static Disclosure asked(boolean unmasked, String reason, Authentication reader) {
        if (!unmasked) {
            return MASKED;
        }
        if (reader.getAuthorities().stream().noneMatch(authority -> ADMIN.equals(authority.getAuthority()))) {
            throw new RefusedException(AuditErrorCode.UNMASKING_NOT_ALLOWED,
                    "Only an admin reads account and phone numbers in clear");
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON
                || reason.chars().anyMatch(Character::isISOControl)) {
            throw new RefusedException(AuditErrorCode.INVALID_UNMASKING_REASON,
                    "An unmasked read takes a reason of 1 to " + MAX_REASON + " characters, no control characters");
        }
        return new Disclosure(reason.strip());
    }

    boolean unmasked() {
        return reason != null;
    }

    /** {@code json} as this disclosure shows it (masked in place unless unmasked). */
    JsonNode shown(JsonNode json) {
        return unmasked() ? json : MaskedJson.mask(json);
    }
}
