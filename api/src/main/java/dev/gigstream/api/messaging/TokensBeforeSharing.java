package dev.gigstream.api.messaging;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Where a processor that runs several read models starts the first time, when its read models had
 * processors of their own before (named after their processing groups, with tokens in the same store):
 * at the oldest of their tokens, as a replay up to the newest. A read model then sees again only events
 * it had applied already, as a replay (its writes are idempotent, and policies skip replays), and
 * nothing is missed; without old tokens (a new store) it starts at the start of the stream.
 */
final class TokensBeforeSharing {

    private static final Logger log = LoggerFactory.getLogger(TokensBeforeSharing.class);

    private TokensBeforeSharing() {
    }

    static Function<StreamableMessageSource<TrackedEventMessage<?>>, TrackingToken> start(
            String processor, Set<String> groups, TokenStore tokens) {
        return source -> {
            List<TrackingToken> before = new ArrayList<>();
            for (String group : groups) {
                before.addAll(tokensOf(group, tokens));
            }
            if (before.isEmpty()) {
                return source.createTailToken();
            }
            TrackingToken oldest = before.stream().map(WrappedToken::unwrapLowerBound).reduce(TrackingToken::lowerBound).orElseThrow();
            TrackingToken newest = before.stream().map(WrappedToken::unwrapUpperBound).reduce(TrackingToken::upperBound).orElseThrow();
            log.info("Processor {} starts where its read models' own processors were: from {} as a replay up to {}",
                    processor, oldest, newest);
            return ReplayToken.createReplayToken(newest, oldest);
        };
    }

    private static List<TrackingToken> tokensOf(String group, TokenStore tokens) {
        List<TrackingToken> found = new ArrayList<>();
        for (int segment : tokens.fetchSegments(group)) {
            try {
                TrackingToken token = tokens.fetchToken(group, segment);
                tokens.releaseClaim(group, segment);
                if (token != null) {
                    found.add(token);
                }
            } catch (UnableToClaimTokenException stillRunning) {
                log.warn("The old processor {} still runs elsewhere; stop instances of the previous version", group);
            }
        }
        return found;
    }
}
