package dev.gigstream.messages.job;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.NotPersonal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The client reports the hired worker did not come: only after the grace period. */
public record ReportNoShow(@TargetAggregateIdentifier JobId jobId, @NotPersonal String clientId, Instant at) {
}
