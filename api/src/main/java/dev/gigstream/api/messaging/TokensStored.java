package dev.gigstream.api.messaging;

import org.axonframework.common.Registration;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells that a read-model processor of this instance stored a token: its batch's read-model writes are
 * done, and who waits for a read model to pass a position looks again at once instead of at its next look.
 */
class TokensStored {

    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();

    void signal() {
        listeners.forEach(Runnable::run);
    }

    Registration onStored(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
