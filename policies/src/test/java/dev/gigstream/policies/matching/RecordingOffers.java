package dev.gigstream.policies.matching;

import dev.gigstream.messages.job.OfferJob;
import dev.gigstream.policies.testsupport.SendAndWaitGateway;

import java.util.ArrayList;
import java.util.List;

/** A command gateway that keeps the offer commands the matching policy sends. */
final class RecordingOffers extends SendAndWaitGateway {

    private final List<OfferJob> sent = new ArrayList<>();

    List<OfferJob> sent() {
        return sent;
    }

    @Override
    public <R> R sendAndWait(Object command) {
        sent.add((OfferJob) command);
        return null;
    }
}
