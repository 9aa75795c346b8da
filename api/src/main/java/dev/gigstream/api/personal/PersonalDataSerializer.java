package dev.gigstream.api.personal;

import dev.gigstream.api.personal.PersonalFields.Slot;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.Collection;

/**
 * A JSON serializer of Axon's (the Jackson 3 one) that stores the {@code @PersonalData} components of records
 * encrypted with their subject's key ({@link Envelopes}) and reads them back in clear, or as erased once the
 * subject's key is shredded. Values stored before encryption (in clear) read as they are. Types without
 * personal data pass straight through. Which events exist it does not know: it follows the annotations.
 */
public class PersonalDataSerializer implements Serializer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Serializer delegate;
    private final Envelopes envelopes;

    public PersonalDataSerializer(Serializer delegate, PersonalKeys keys) {
        this.delegate = delegate;
        this.envelopes = new Envelopes(keys);
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null || !PersonalFields.mayHold(object.getClass())) {
            return delegate.serialize(object, expectedRepresentation);
        }
        SerializedObject<JsonNode> tree = delegate.serialize(object, JsonNode.class);
        seal(object, tree.getData());
        T data = getConverter().convert(tree.getData(), JsonNode.class, expectedRepresentation);
        return new SimpleSerializedObject<>(data, expectedRepresentation, tree.getType());
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serialized) {
        SerializedType type = serialized.getType();
        if (SerializedType.emptyType().equals(type)) {
            return delegate.deserialize(serialized);
        }
        Class<?> payloadType = classForType(type);
        if (UnknownSerializedType.class.equals(payloadType) || !PersonalFields.mayHold(payloadType)) {
            return delegate.deserialize(serialized);
        }
        JsonNode tree = getConverter().convert(serialized, JsonNode.class).getData().deepCopy();
        open(payloadType, tree);
        return delegate.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, type));
    }

    /** Replaces, in the JSON of {@code value}, each personal value by its envelope (by the erased value once its subject is erased). */
    private void seal(Object value, JsonNode node) {
        if (value == null || node == null) {
            return;
        }
        if (node.isArray() && (value instanceof Collection<?> || value instanceof Object[])) {
            int i = 0;
            for (Object element : value instanceof Collection<?> c ? c : Arrays.asList((Object[]) value)) {
                seal(element, node.get(i++));
            }
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (Slot slot : PersonalFields.of(value.getClass())) {
            JsonNode child = object.get(slot.name());
            if (!slot.personal()) {
                seal(slot.valueOf(value), child);
            } else if (child != null && !child.isNull()) {
                object.set(slot.name(), envelopes.seal(slot.subjectOf(value), JSON.writeValueAsBytes(child))
                        .<JsonNode>map(JsonNodeFactory.instance::stringNode)
                        .orElseGet(() -> PersonalFields.erased(slot.type())));
            }
        }
    }

    /** Replaces, in JSON of the record type, each envelope by the value it holds (by the erased value once its key is shredded). */
    private void open(Class<?> recordType, JsonNode node) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> open(recordType, element));
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (Slot slot : PersonalFields.of(recordType)) {
            JsonNode child = object.get(slot.name());
            if (!slot.personal()) {
                PersonalFields.elementRecord(slot.type()).ifPresent(nested -> open(nested, child));
            } else if (child != null && child.isString() && Envelopes.isEnvelope(child.stringValue())) {
                object.set(slot.name(), envelopes.open(child.stringValue())
                        .map(JSON::readTree)
                        .orElseGet(() -> PersonalFields.erased(slot.type())));
            }
        }
    }

    /**
     * Whether JSON of the record type holds a personal value in clear (stored before encryption): a value that
     * is neither null nor an envelope where a {@code @PersonalData} component is, here or in a nested record.
     */
    static boolean holdsClearValues(Class<?> recordType, JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (holdsClearValues(recordType, element)) {
                    return true;
                }
            }
            return false;
        }
        if (!(node instanceof ObjectNode object)) {
            return false;
        }
        for (Slot slot : PersonalFields.of(recordType)) {
            JsonNode child = object.get(slot.name());
            if (!slot.personal()) {
                if (PersonalFields.elementRecord(slot.type()).filter(nested -> holdsClearValues(nested, child)).isPresent()) {
                    return true;
                }
            } else if (child != null && !child.isNull() && !(child.isString() && Envelopes.isEnvelope(child.stringValue()))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
