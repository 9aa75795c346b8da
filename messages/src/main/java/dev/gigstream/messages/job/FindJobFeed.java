package dev.gigstream.messages.job;

import dev.gigstream.messages.common.GeoPoint;

import java.time.Instant;

/**
 * A page of the job feed. Every filter is optional: {@code skill} (normal form), {@code near} with
 * {@code radiusKm}, shift start in [{@code from}, {@code to}), {@code status} (null: any), and
 * {@code clientId} (a client's own jobs). Sorted by distance when {@code near} is given, else newest first.
 */
public record FindJobFeed(String skill,
                          GeoPoint near,
                          double radiusKm,
                          Instant from,
                          Instant to,
                          JobStatus status,
                          String clientId,
                          int page,
                          int size) {
}
