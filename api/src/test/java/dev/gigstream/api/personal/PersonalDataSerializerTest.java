package dev.gigstream.api.personal;

import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Personal data through Axon's Jackson 3 serializer, on records made for the test. */
class PersonalDataSerializerTest {

    record Address(@PersonalData(subject = "ownerId") String line, @NotPersonal String ownerId) {
    }

    record WorkerMoved(@NotPersonal String workerId,
                       @PersonalData(subject = "workerId") String name,
                       @PersonalData(subject = "workerId") GeoPoint home,
                       @PersonalData(subject = "workerId") double lastLat,
                       @PersonalData(subject = "workerId") Double lastLng,
                       @PersonalData(subject = "workerId") List<String> phones,
                       int stars,
                       Address current,
                       List<Address> previous) {
    }

    record JobPosted(@NotPersonal String jobId, @NotPersonal String title, GeoPoint site) {
    }

    private static final WorkerMoved MOVED = new WorkerMoved("worker-1", "Adaeze Okafor", new GeoPoint(6.5244, 3.3792),
            6.4281, 3.4219, List.of("+2348031234567"), 4,
            new Address("12 Admiralty Way, Lekki", "worker-1"),
            List.of(new Address("3 Oxford Street, Osu", "worker-1"), new Address("Flat 2, 7 Allen Avenue", "landlord-7")));

    private final Serializer axon = Jackson3Serializer.builder().build();
    private DataSource database;
    private String master;
    private PersonalKeys keys;
    private Serializer serializer;

    @BeforeEach
    void setUp() {
        database = H2Keys.migratedDatabase();
        master = H2Keys.newMasterKey();
        keys = keys(MasterKeys.of(master, null));
        serializer = new PersonalDataSerializer(axon, keys);
    }

    private PersonalKeys keys(MasterKeys masterKeys) {
        return new PersonalKeys(database, masterKeys, PersonalKeysTest.CLOCK, 100, Duration.ofMinutes(1));
    }

    @Test
    void personalDataMakesTheRoundTripInEveryRepresentation() {
        assertThat((Object) serializer.deserialize(serializer.serialize(MOVED, byte[].class))).isEqualTo(MOVED);
        assertThat((Object) serializer.deserialize(serializer.serialize(MOVED, String.class))).isEqualTo(MOVED);
        assertThat((Object) serializer.deserialize(serializer.serialize(MOVED, JsonNode.class))).isEqualTo(MOVED);
    }

    @Test
    void theStoredFormHoldsEnvelopesAndNoneOfThePersonalValues() {
        String stored = serializer.serialize(MOVED, String.class).getData();

        assertThat(stored).doesNotContain("Adaeze", "Okafor", "6.5244", "3.3792", "6.4281", "3.4219", "+2348031234567",
                "Admiralty", "Oxford", "Allen");
        assertThat(stored).contains("\"name\":\"pd1:1:worker-1:", "\"line\":\"pd1:1:landlord-7:", "\"stars\":4",
                "\"workerId\":\"worker-1\"");
    }

    @Test
    void aShreddedPersonsDataReadsAsErasedAndEveryoneElsesAsWritten() {
        SerializedObject<byte[]> stored = serializer.serialize(MOVED, byte[].class);

        keys.shred("worker-1");
        WorkerMoved read = serializer.deserialize(stored);

        assertThat(read).isEqualTo(new WorkerMoved("worker-1", "[erased]", null, 0.0, null, List.of(), 4,
                new Address("[erased]", "worker-1"),
                List.of(new Address("[erased]", "worker-1"), new Address("Flat 2, 7 Allen Avenue", "landlord-7"))));
    }

    @Test
    void whatIsWrittenAboutSomeoneErasedIsNotKeptAtAll() {
        keys.shred("worker-1");

        String stored = serializer.serialize(MOVED, String.class).getData();

        assertThat(stored).doesNotContain("Adaeze", "6.5244", "Admiralty", "pd1:1:worker-1").contains("\"name\":\"[erased]\"");
        assertThat(((WorkerMoved) serializer.deserialize(serializer.serialize(MOVED, byte[].class))).name()).isEqualTo("[erased]");
    }

    @Test
    void anEventStoredInClearBeforeEncryptionStillReads() {
        SerializedObject<byte[]> storedInClear = axon.serialize(MOVED, byte[].class);

        assertThat((Object) serializer.deserialize(storedInClear)).isEqualTo(MOVED);
    }

    @Test
    void aTypeWithoutPersonalDataIsStoredExactlyAsAxonWouldStoreIt() {
        JobPosted posted = new JobPosted("job-1", "Waiter for a wedding", new GeoPoint(5.6037, -0.1870));

        SerializedObject<byte[]> stored = serializer.serialize(posted, byte[].class);

        assertThat(stored.getData()).isEqualTo(axon.serialize(posted, byte[].class).getData());
        assertThat(stored.getType()).isEqualTo(axon.typeForClass(JobPosted.class));
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(posted);
    }

    @Test
    void afterTheMasterKeyIsRotatedEventsWrittenBeforeStillRead() {
        SerializedObject<byte[]> stored = serializer.serialize(MOVED, byte[].class);
        String next = H2Keys.newMasterKey();
        keys(MasterKeys.of(next, master)).rewrapAll();

        Serializer afterRotation = new PersonalDataSerializer(axon, keys(MasterKeys.of(next, null)));

        assertThat((Object) afterRotation.deserialize(stored)).isEqualTo(MOVED);
    }

    @Test
    void anEnvelopeMovedIntoAnotherPersonsEventDoesNotOpen() {
        String stored = new String(serializer.serialize(MOVED, byte[].class).getData(), StandardCharsets.UTF_8);
        WorkerMoved other = new WorkerMoved("worker-2", "Kwame Mensah", null, 0, null, List.of(), 5, null, List.of());
        String otherStored = new String(serializer.serialize(other, byte[].class).getData(), StandardCharsets.UTF_8);
        String workerOnesName = stored.replaceAll("(?s).*\"name\":\"(pd1:[^\"]+)\".*", "$1");
        String forged = otherStored.replaceAll("\"name\":\"pd1:[^\"]+\"", "\"name\":\"" + workerOnesName.replace("worker-1", "worker-2") + "\"");

        SerializedObject<byte[]> tampered = new SimpleSerializedObject<>(forged.getBytes(StandardCharsets.UTF_8), byte[].class,
                axon.typeForClass(WorkerMoved.class));

        assertThat(forged).contains("pd1:1:worker-2:");
        assertThatIllegalStateException().isThrownBy(() -> serializer.deserialize(tampered)).withMessageContaining("does not open");
    }
}
