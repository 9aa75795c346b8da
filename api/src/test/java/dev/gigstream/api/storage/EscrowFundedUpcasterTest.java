package dev.gigstream.api.storage;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.Posting;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static dev.gigstream.messages.escrow.LedgerAccount.ESCROW;
import static dev.gigstream.messages.escrow.LedgerAccount.PAYSTACK_BALANCE;
import static dev.gigstream.messages.escrow.LedgerAccount.PROCESSOR_FEES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The upcaster on {@code stored-events/EscrowFunded-revision-null.json}: an {@code EscrowFunded} exactly as the
 * version before revision 2 stored it, captured from the event serializer of that version (Jackson 3 with the
 * application's customizer, as Axon's auto-configuration builds it).
 */
class EscrowFundedUpcasterTest {

    private final Serializer events = Jackson3Serializer.builder()
            .jsonMapperBuilderCustomizer(new AxonStorageConfiguration().axonPolymorphicTypes()).build();
    private final EscrowFundedUpcaster upcaster = new EscrowFundedUpcaster();

    @Test
    void aFundingStoredWithoutRevisionIsReadWithItsFeeAsMoneyInTheFundedCurrency() throws IOException {
        IntermediateEventRepresentation upcast = upcast(stored(storedBeforeRevision2(), null));

        assertThat(upcast.getType()).isEqualTo(new SimpleSerializedType(EscrowFunded.class.getName(), "2"));
        EscrowFunded funded = events.deserialize(upcast.getData());
        assertThat(funded).isEqualTo(new EscrowFunded(EscrowId.of("escrow-1"), JobId.of("job-1"), Money.of(1_650_000, Currency.NGN),
                Money.of(34_750, Currency.NGN), List.of(new Posting(PAYSTACK_BALANCE, 1_615_250),
                        new Posting(PROCESSOR_FEES, 34_750), new Posting(ESCROW, -1_650_000))));
    }

    @Test
    void withoutTheUpcasterTheStoredFundingDoesNotRead() throws IOException {
        var asRevision2 = new SimpleSerializedObject<>(storedBeforeRevision2(), byte[].class, EscrowFunded.class.getName(), "2");

        assertThatThrownBy(() -> events.deserialize(asRevision2)).as("a fee stored as a number is not money")
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void aFundingOfRevision2IsLeftAsItIs() {
        var current = new EscrowFunded(EscrowId.of("escrow-2"), JobId.of("job-2"), Money.of(500_000, Currency.GHS), Money.of(9_750, Currency.GHS), List.of());
        var serialized = events.serialize(current, byte[].class);
        assertThat(serialized.getType().getRevision()).isEqualTo(EscrowFunded.REVISION);

        IntermediateEventRepresentation read = upcast(stored(serialized.getData(), serialized.getType().getRevision()));

        assertThat(read.getType().getRevision()).isEqualTo("2");
        assertThat((Object) events.deserialize(read.getData())).isEqualTo(current);
    }

    private IntermediateEventRepresentation upcast(IntermediateEventRepresentation stored) {
        List<IntermediateEventRepresentation> read = upcaster.upcast(Stream.of(stored)).toList();
        assertThat(read).hasSize(1);
        return read.get(0);
    }

    private InitialEventRepresentation stored(byte[] payload, String revision) {
        var entry = new GenericDomainEventEntry<>("EscrowPayment", "escrow-1", 1, "event-1", Instant.EPOCH,
                EscrowFunded.class.getName(), revision, payload, "{}".getBytes());
        return new InitialEventRepresentation(entry, events);
    }

    private static byte[] storedBeforeRevision2() throws IOException {
        try (InputStream in = EscrowFundedUpcasterTest.class.getResourceAsStream("/stored-events/EscrowFunded-revision-null.json")) {
            return in.readAllBytes();
        }
    }
}
