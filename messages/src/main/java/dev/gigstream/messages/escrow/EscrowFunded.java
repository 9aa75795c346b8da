package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The client's payment arrived: the escrow holds {@code funded}, of which Paystack kept {@code processorFee}
 * (same currency). Revision 2: revision-less (the first) stored events carry the fee as a bare number of
 * minor units; {@code EscrowFundedUpcaster} in api's storage reads them as this revision.
 */
@Revision(EscrowFunded.REVISION)
public record EscrowFunded(EscrowId escrowId,
                           JobId jobId,
                           Money funded,
                           Money processorFee,
                           List<Posting> postings) {

    /** Revision 2 carries {@code processorFee} as {@link Money}; the first (no revision) as minor units. */
    public static final String REVISION = "2";
}
