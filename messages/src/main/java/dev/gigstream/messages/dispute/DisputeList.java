package dev.gigstream.messages.dispute;

import java.util.List;

/** A wrapper, so the element type survives a distributed query bus. */
public record DisputeList(List<DisputeView> items) {
}
