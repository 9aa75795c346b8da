package dev.gigstream.api.storage;

import dev.gigstream.messages.escrow.EscrowFunded;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an {@link EscrowFunded} stored before its {@code @Revision} (revision null, the fee a bare number of
 * minor units) as revision {@value EscrowFunded#REVISION}: the fee becomes {@code {amount, currency}} in the
 * currency of the funded total, the only currency an escrow's payment is ever in. Stored rows are never
 * rewritten: every read of the event store (aggregates, processors, replays, audit) goes through Axon's
 * upcaster chain, to which a bean of this type is added on every profile (the JDBC and the Axon Server event
 * store both take {@code Configuration.upcasterChain()}). Snapshots are not affected: an
 * {@code EscrowPayment} keeps no fee and is not snapshotted.
 */
@Component
public class EscrowFundedUpcaster extends SingleEventUpcaster {

    private static final String TYPE = EscrowFunded.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPE.equals(representation.getType().getName()) && representation.getType().getRevision() == null;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, EscrowFunded.REVISION), ObjectNode.class,
                EscrowFundedUpcaster::feeAsMoney);
    }

    private static ObjectNode feeAsMoney(ObjectNode payload) {
        long fee = payload.get("processorFee").asLong();
        String currency = payload.get("funded").get("currency").asString();
        payload.putObject("processorFee").put("amount", fee).put("currency", currency);
        return payload;
    }
}
