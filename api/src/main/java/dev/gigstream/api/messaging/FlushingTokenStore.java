package dev.gigstream.api.messaging;

import dev.gigstream.query.common.SequencedWrites;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;

import java.util.List;
import java.util.Optional;

/**
 * A projection's token store that writes the batch's held read-model writes before it stores the
 * batch's token: the processor stores its token when the batch prepares its commit, before any other
 * commit step, and a token stored ahead of its writes would skip them for good if they then failed.
 * It then tells that the read models moved on ({@link ReadModelPositions} looks again). Everything else
 * is the store it wraps.
 */
final class FlushingTokenStore implements TokenStore {

    private final TokenStore delegate;
    private final Runnable stored;

    /** {@code stored} runs after each token stored: the batch's read-model writes are then done. */
    FlushingTokenStore(TokenStore delegate, Runnable stored) {
        this.delegate = delegate;
        this.stored = stored;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        SequencedWrites.flushCurrentBatch();
        delegate.storeToken(token, processorName, segment);
        stored.run();
    }

    /** The store it wraps. */
    TokenStore delegate() {
        return delegate;
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        delegate.extendClaim(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }
}
