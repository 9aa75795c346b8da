package dev.gigstream.api.console;

import java.util.List;

/**
 * The operator console's port to the read-model projections: where each stands and a replay on demand.
 * The processing layer implements it; the console's controller knows nothing of processors.
 */
public interface ProjectionConsole {

    /** Every projection, shared or kept per instance, as this instance sees it. */
    List<ProjectionStatus> list();

    /**
     * Rebuilds the projection from the start of the event stream; returns once its rebuild has started.
     *
     * @throws dev.gigstream.messages.common.RefusedException PROJECTION_NOT_FOUND, REPLAY_NOT_SUPPORTED or
     *         PROJECTION_BUSY
     */
    void replay(String name);
}
