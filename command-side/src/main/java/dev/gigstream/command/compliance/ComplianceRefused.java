package dev.gigstream.command.compliance;

import dev.gigstream.messages.common.RefusedException;

import static dev.gigstream.messages.compliance.ComplianceErrorCode.FLAG_NOT_FOUND;
import static dev.gigstream.messages.compliance.ComplianceErrorCode.INVALID_ACKNOWLEDGEMENT;
import static dev.gigstream.messages.compliance.ComplianceErrorCode.INVALID_FLAG;

/** The reasons a compliance flag refuses a command, each with its stable error code. */
final class ComplianceRefused {

    private ComplianceRefused() {
    }

    static RefusedException invalidFlag(String flagId) {
        return new RefusedException(INVALID_FLAG, "Flag " + flagId + " needs a rule, a subject, its evidence's event ids"
                + " and when it was raised");
    }

    static RefusedException notFound(String flagId) {
        return new RefusedException(FLAG_NOT_FOUND, "No compliance flag " + flagId);
    }

    static RefusedException invalidNote(int maxLength) {
        return new RefusedException(INVALID_ACKNOWLEDGEMENT, "An acknowledgement takes a note of 1 to " + maxLength
                + " characters");
    }
}
