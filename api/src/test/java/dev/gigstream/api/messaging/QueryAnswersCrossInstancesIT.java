package dev.gigstream.api.messaging;

import dev.gigstream.api.testsupport.PostgresIT;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query answer survives a query bus that crosses instances. Axon Server carries a query's answer
 * as bytes written by the message serializer under the answer's runtime class name: a bare list comes
 * back as a list of maps, which no caller's response type accepts (only a local bus hands the list
 * over as it is). So every {@link QueryHandler} here answers with a record, and each declared answer
 * is sent through the application's message serializer and converted with the response type its
 * callers use, as the connector does, so this fails without Axon Server. That no caller asks for
 * {@code multipleInstancesOf} is checked by {@code ArchitectureTest}.
 */
@PostgresIT
class QueryAnswersCrossInstancesIT {

    private static List<Method> handlers;

    @Autowired
    @Qualifier("messageSerializer")
    Serializer messageSerializer;

    @BeforeAll
    static void findQueryHandlers() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> reader.getAnnotationMetadata().hasAnnotatedMethods(QueryHandler.class.getName()));
        handlers = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("dev.gigstream")) {
            for (Method method : Class.forName(definition.getBeanClassName()).getDeclaredMethods()) {
                if (AnnotatedElementUtils.hasAnnotation(method, QueryHandler.class)) {
                    handlers.add(method);
                }
            }
        }
    }

    @Test
    void theQuerySideAndTheApiAnswerQueries() {
        assertThat(handlers).extracting(method -> method.getDeclaringClass().getPackageName())
                .anyMatch(name -> name.startsWith("dev.gigstream.query."));
        assertThat(handlers).hasSizeGreaterThanOrEqualTo(17);
    }

    @Test
    void noQueryHandlerAnswersWithABareCollection() {
        assertThat(handlers).allSatisfy(method -> assertThat(answerType(method))
                .as("the answer of %s", method)
                .matches(type -> !Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type)
                        && !type.isArray(), "is a record wrapping any list, not a collection, map or array"));
    }

    @Test
    void everyAnswerComesBackFromTheWireAsTheCallerExpectsIt() {
        assertThat(handlers).allSatisfy(method -> {
            Class<?> answerType = answerType(method);
            Object answer = Samples.of(answerType);
            ResponseType<?> callersType = method.getReturnType() == Optional.class
                    ? ResponseTypes.optionalInstanceOf(answerType) : ResponseTypes.instanceOf(answerType);
            assertThat(callersType.matches(method.getGenericReturnType()))
                    .as("%s is found for %s", method, callersType).isTrue();

            SerializedObject<byte[]> written = messageSerializer.serialize(answer, byte[].class);
            Object read = messageSerializer.deserialize(
                    new SimpleSerializedObject<>(written.getData(), byte[].class, written.getType()));
            Object converted = callersType.convert(read);

            Object expected = method.getReturnType() == Optional.class ? Optional.of(answer) : answer;
            assertThat(converted).as("the answer of %s after the wire", method).isEqualTo(expected);
        });
    }

    private static Class<?> answerType(Method method) {
        if (method.getReturnType() == Optional.class) {
            return (Class<?>) ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
        }
        return method.getReturnType();
    }

    /** A value of every component, so that a field Jackson cannot write or read shows up. */
    static final class Samples {

        private static int instants;

        static Object of(Type type) {
            if (type instanceof ParameterizedType parameterized) {
                Class<?> raw = (Class<?>) parameterized.getRawType();
                Type[] arguments = parameterized.getActualTypeArguments();
                if (Optional.class.equals(raw)) {
                    return Optional.of(of(arguments[0]));
                }
                if (Map.class.isAssignableFrom(raw)) {
                    Map<Object, Object> map = new LinkedHashMap<>();
                    map.put(of(arguments[0]), of(arguments[1]));
                    return map;
                }
                if (SortedSet.class.isAssignableFrom(raw)) {
                    return new TreeSet<>(List.of(of(arguments[0])));
                }
                if (Set.class.isAssignableFrom(raw)) {
                    return new LinkedHashSet<>(List.of(of(arguments[0])));
                }
                if (Collection.class.isAssignableFrom(raw)) {
                    return List.of(of(arguments[0]));
                }
                throw new IllegalArgumentException("No sample of " + type);
            }
            Class<?> raw = (Class<?>) type;
            if (raw == String.class) { // digits pass the checks of bank codes, account numbers and skills
                return "12345678";
            }
            if (raw == int.class || raw == Integer.class) {
                return 3;
            }
            if (raw == long.class || raw == Long.class) {
                return 4L;
            }
            if (raw == double.class || raw == Double.class) {
                return 4.5;
            }
            if (raw == boolean.class || raw == Boolean.class) {
                return true;
            }
            if (raw == BigDecimal.class) {
                return new BigDecimal("12.50");
            }
            if (raw == Instant.class) { // later each time, as a window's end after its start
                return Instant.parse("2030-01-02T03:04:05Z").plus(Duration.ofHours(instants++));
            }
            if (raw == LocalTime.class) {
                return LocalTime.of(6, 0).plusMinutes(instants++);
            }
            if (raw == LocalDate.class) {
                return LocalDate.parse("2030-01-02");
            }
            if (raw == Duration.class) {
                return Duration.ofMinutes(90);
            }
            if (raw == UUID.class) {
                return UUID.fromString("00000000-0000-0000-0000-000000000001");
            }
            if (raw.isEnum()) {
                return raw.getEnumConstants()[0];
            }
            if (raw.isArray()) {
                Object array = Array.newInstance(raw.getComponentType(), 1);
                Array.set(array, 0, of(raw.getComponentType()));
                return array;
            }
            if (raw.isRecord()) {
                RecordComponent[] components = raw.getRecordComponents();
                Object[] values = Arrays.stream(components).map(component -> of(component.getGenericType())).toArray();
                try {
                    var constructor = raw.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                            .toArray(Class<?>[]::new));
                    constructor.setAccessible(true);
                    return constructor.newInstance(values);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException("No sample of " + raw, e);
                }
            }
            throw new IllegalArgumentException("No sample of " + type);
        }
    }
}
