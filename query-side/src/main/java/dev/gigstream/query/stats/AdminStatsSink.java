package dev.gigstream.query.stats;

/** Where this instance tells the admins connected to it that the platform's numbers may have changed. */
public interface AdminStatsSink {

    /** Called for every event the stats count; the sink decides when to read and push them (coalesced). */
    void statsMayHaveChanged();
}
