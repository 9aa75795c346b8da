package dev.gigstream.api.personal;

import dev.gigstream.messages.common.PersonalData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a record's personal data is: its {@link PersonalData} components (with the component naming their
 * subject) and the components that may hold records with personal data of their own, directly or in a
 * collection or array. Worked out once per class. Records only: a personal field of another kind of
 * class, or inside a map, is not seen.
 */
final class PersonalFields {

    /** A component of a record: how to read it, its declared type, and what it holds. */
    record Slot(String name, Method accessor, Type type, Method subject) {

        boolean personal() {
            return subject != null;
        }

        Object valueOf(Object record) {
            return read(accessor, record);
        }

        String subjectOf(Object record) {
            Object id = read(subject, record);
            if (id == null) {
                throw new IllegalStateException("The subject of personal component " + name + " of "
                        + record.getClass().getSimpleName() + " is null");
            }
            return id.toString();
        }
    }

    private static final ClassValue<List<Slot>> SLOTS = new ClassValue<>() {
        @Override
        protected List<Slot> computeValue(Class<?> type) {
            return slotsOf(type);
        }
    };

    private PersonalFields() {
    }

    /** The components of {@code type} that are personal or may hold personal data; none for a class without any. */
    static List<Slot> of(Class<?> type) {
        return SLOTS.get(type);
    }

    static boolean mayHold(Class<?> type) {
        return !of(type).isEmpty();
    }

    /** The record types a value of the declared type may be made of (itself, or the elements of a collection or array). */
    static Optional<Class<?>> elementRecord(Type type) {
        if (type instanceof Class<?> c) {
            return c.isArray() ? elementRecord(c.getComponentType()) : c.isRecord() ? Optional.of(c) : Optional.empty();
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw && Collection.class.isAssignableFrom(raw)) {
            return elementRecord(p.getActualTypeArguments()[0]);
        }
        return Optional.empty();
    }

    private static List<Slot> slotsOf(Class<?> type) {
        if (!type.isRecord()) {
            return List.of();
        }
        RecordComponent[] components = type.getRecordComponents();
        return Arrays.stream(components)
                .filter(c -> c.isAnnotationPresent(PersonalData.class) || elementRecord(c.getGenericType())
                        .filter(nested -> nested != type && mayHold(nested)).isPresent())
                .map(c -> new Slot(c.getName(), accessible(c.getAccessor()), c.getGenericType(), subjectOf(type, c, components)))
                .toList();
    }

    private static Method subjectOf(Class<?> type, RecordComponent component, RecordComponent[] components) {
        PersonalData personal = component.getAnnotation(PersonalData.class);
        if (personal == null) {
            return null;
        }
        return Arrays.stream(components)
                .filter(c -> c.getName().equals(personal.subject()) && c != component)
                .findFirst()
                .map(c -> accessible(c.getAccessor()))
                .orElseThrow(() -> new IllegalStateException(type.getName() + "." + component.getName()
                        + " names subject '" + personal.subject() + "', which is not another component of the record"));
    }

    /** What an erased value reads as, by the type it is declared with (docs/personal-data.md). */
    static JsonNode erased(Type type) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class || raw == CharSequence.class) {
            return nodes.stringNode(ERASED_TEXT);
        }
        if (raw == boolean.class) {
            return nodes.booleanNode(false);
        }
        if (raw == double.class || raw == float.class) {
            return nodes.numberNode(0.0d);
        }
        if (raw.isPrimitive()) {
            return nodes.numberNode(0);
        }
        if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            return nodes.arrayNode();
        }
        return Map.class.isAssignableFrom(raw) ? nodes.objectNode() : nodes.nullNode();
    }

    static final String ERASED_TEXT = "[erased]";

    private static Method accessible(Method accessor) {
        accessor.setAccessible(true);
        return accessor;
    }

    private static Object read(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + accessor.getName() + " of " + record.getClass().getName(), e);
        }
    }
}
