package dev.gigstream.messages.job;

/**
 * The values of the job's rules that clients are told (the API's descriptions), as compile-time constants:
 * the policies that apply the rules derive their durations and distances from these, and the OpenAPI texts
 * are built from them, so a rule and what the document says of it cannot drift apart.
 */
public final class JobRules {

    /** How close to the site a hired worker checks in and out, in metres (command-side {@code AttendancePolicy}). */
    public static final int GEOFENCE_METRES = 300;

    /** How long into the shift a client waits before reporting a no-show, in minutes ({@code AttendancePolicy}). */
    public static final int NO_SHOW_AFTER_MINUTES = 30;

    /** A funded job cancelled more than this many hours before its start costs the client nothing ({@code CancellationPolicy}). */
    public static final int FREE_CANCELLATION_HOURS = 24;

    /** How far from the site an applicant may live, in km (query-side {@code RankingPolicy}). */
    public static final int ELIGIBLE_WITHIN_KM = 50;

    /** How long before the shift starts the hired worker's location is taken, in minutes (api's {@code LocationWindow}). */
    public static final int LOCATION_OPENS_MINUTES_BEFORE = 90;

    /** At most one location of the hired worker is taken per this many seconds (query-side {@code PingRate}). */
    public static final int LOCATION_EVERY_SECONDS = 10;

    private JobRules() {
    }
}
