package dev.gigstream.policies.compliance;

import dev.gigstream.messages.compliance.ComplianceRule;

import java.util.List;

/** A rule that flags a subject once enough occurrences of one kind fall within a window ({@link Occurrences}). */
public interface CountingRule {

    ComplianceRule rule();

    Occurrences occurrences();

    default Occurrences.Tally count(List<Occurrences.Occurrence> pending, Occurrences.Occurrence next) {
        return occurrences().count(pending, next);
    }
}
