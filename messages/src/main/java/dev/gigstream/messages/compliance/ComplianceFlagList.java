package dev.gigstream.messages.compliance;

import java.util.List;

/** A wrapper, so the element type survives a distributed query bus. */
public record ComplianceFlagList(List<ComplianceFlagView> items) {
}
