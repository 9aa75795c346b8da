package dev.gigstream.messages.compliance;

/** The flags, newest first; {@code acknowledged} and {@code rule} null for any. */
public record FindComplianceFlags(Boolean acknowledged, ComplianceRule rule, int limit) {
}
