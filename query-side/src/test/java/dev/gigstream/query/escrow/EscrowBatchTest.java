package dev.gigstream.query.escrow;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.escrow.ChargebackReceived;
import dev.gigstream.messages.escrow.ChargebackResolved;
import dev.gigstream.messages.escrow.CheckoutOpened;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowFundingRequested;
import dev.gigstream.messages.escrow.EscrowReleased;
import dev.gigstream.messages.escrow.EscrowStatus;
import dev.gigstream.messages.escrow.EscrowView;
import dev.gigstream.messages.escrow.FindEscrow;
import dev.gigstream.messages.escrow.PayoutCompleted;
import dev.gigstream.messages.escrow.PayoutFlaggedForAdmin;
import dev.gigstream.messages.escrow.Posting;
import dev.gigstream.query.testsupport.MongoBackend;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;

import static dev.gigstream.messages.escrow.LedgerAccount.ESCROW;
import static dev.gigstream.messages.escrow.LedgerAccount.PAYSTACK_BALANCE;
import static dev.gigstream.messages.escrow.LedgerAccount.PLATFORM_REVENUE;
import static dev.gigstream.messages.escrow.LedgerAccount.PROCESSOR_FEES;
import static dev.gigstream.messages.escrow.LedgerAccount.WORKER_PAYABLE;
import static dev.gigstream.query.testsupport.Batches.inOneBatch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handlers that read the escrow before they write it see what earlier events of the same batch wrote,
 * although the batch's writes wait for its commit.
 */
class EscrowBatchTest {

    private static final String ESCROW_ID = "5d1c0e2a-3b4f-4a7e-8c9d-0e1f2a3b4c5d";
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Money PAY = Money.of(1_500_000, Currency.NGN);
    private static final Money FEE = Money.of(150_000, Currency.NGN);
    private static final Money TOTAL = Money.of(1_650_000, Currency.NGN);

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    private static GenericDomainEventMessage<Object> message(Object event, long sequence) {
        return new GenericDomainEventMessage<>("EscrowPayment", ESCROW_ID, sequence, event);
    }

    private static void requested(EscrowProjection projection) {
        projection.on(new EscrowFundingRequested(EscrowId.of(ESCROW_ID), JobId.of("job-1"), "client-1", WorkerId.of("worker-1"), PAY, FEE, TOTAL,
                "gs-esc-" + ESCROW_ID), 0, T0);
        projection.on(new CheckoutOpened(EscrowId.of(ESCROW_ID), "https://checkout.paystack.com/x"), 1, T0);
    }

    private static void funded(EscrowProjection projection, long sequence) {
        var funded = new EscrowFunded(EscrowId.of(ESCROW_ID), JobId.of("job-1"), TOTAL, Money.of(34_750, TOTAL.currency()), List.of(new Posting(PAYSTACK_BALANCE, 1_615_250),
                new Posting(PROCESSOR_FEES, 34_750), new Posting(ESCROW, -1_650_000)));
        projection.on(funded, message(funded, sequence), sequence, T0.plusSeconds(60));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aChargebackResolvedInTheBatchThatReceivedItKeepsTheChargebackAndItsResolution(MongoBackend backend) {
        var readModels = backend.freshDatabase();
        var projection = new EscrowProjection(readModels);

        inOneBatch(() -> {
            requested(projection);
            funded(projection, 2);
            projection.on(new ChargebackReceived(EscrowId.of(ESCROW_ID), JobId.of("job-1"), "client-1", "cb-1", "fraudulent", true, T0.plusSeconds(600)),
                    3, T0.plusSeconds(601));
            projection.on(new ChargebackReceived(EscrowId.of(ESCROW_ID), JobId.of("job-1"), "client-1", "cb-2", "duplicate", true, T0.plusSeconds(700)),
                    4, T0.plusSeconds(701));
            projection.on(new ChargebackResolved(EscrowId.of(ESCROW_ID), JobId.of("job-1"), "cb-1", "declined"), 5, T0.plusSeconds(800));
        });

        Document escrow = readModels.getCollection(EscrowProjection.COLLECTION).find(new Document("_id", ESCROW_ID)).first();
        assertThat(escrow.getList("chargebacks", Document.class))
                .extracting(c -> c.getString("id") + ":" + c.getString("resolution"))
                .containsExactly("cb-1:declined", "cb-2:null");
        EscrowView view = projection.handle(new FindEscrow(ESCROW_ID)).orElseThrow();
        assertThat(view.status()).isEqualTo(EscrowStatus.FROZEN);
        assertThat(view.updatedAt()).isEqualTo(T0.plusSeconds(800));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void moneyArrivingInTheBatchThatToldOfAChargebackFirstIsFrozen(MongoBackend backend) {
        var projection = new EscrowProjection(backend.freshDatabase());

        inOneBatch(() -> {
            requested(projection);
            projection.on(new ChargebackReceived(EscrowId.of(ESCROW_ID), JobId.of("job-1"), "client-1", "cb-1", "fraudulent", false, T0.plusSeconds(30)),
                    2, T0.plusSeconds(30));
            funded(projection, 3);
        });

        assertThat(projection.handle(new FindEscrow(ESCROW_ID)).orElseThrow().status()).isEqualTo(EscrowStatus.FROZEN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aStuckPayoutFlaggedAndPaidInOneBatchLeavesNoFlag(MongoBackend backend) {
        var projection = new EscrowProjection(backend.freshDatabase());
        String reference = "gs-pay-" + ESCROW_ID + "-1";

        inOneBatch(() -> {
            requested(projection);
            funded(projection, 2);
            var released = new EscrowReleased(EscrowId.of(ESCROW_ID), JobId.of("job-1"), WorkerId.of("worker-1"), PAY, FEE, reference,
                    List.of(new Posting(ESCROW, 1_650_000), new Posting(WORKER_PAYABLE, -1_500_000), new Posting(PLATFORM_REVENUE, -150_000)));
            projection.on(released, message(released, 3), 3, T0.plusSeconds(120));
            projection.on(new PayoutFlaggedForAdmin(EscrowId.of(ESCROW_ID), JobId.of("job-1"), reference, "OTP required"), 4, T0.plusSeconds(130));
            var paid = new PayoutCompleted(EscrowId.of(ESCROW_ID), JobId.of("job-1"), WorkerId.of("worker-1"), PAY, reference,
                    List.of(new Posting(WORKER_PAYABLE, 1_500_000), new Posting(PAYSTACK_BALANCE, -1_500_000)));
            projection.on(paid, message(paid, 5), 5, T0.plusSeconds(180));
        });

        EscrowView view = projection.handle(new FindEscrow(ESCROW_ID)).orElseThrow();
        assertThat(view.flags()).isEmpty();
        assertThat(view.released()).isEqualTo(PAY);
        assertThat(view.ledger()).hasSize(8);
    }
}
