package dev.gigstream.api.web.openapi;

import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.AnnotationsUtils;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springframework.core.MethodParameter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * The bean-validation bounds springdoc leaves out or says differently, on request fields and
 * parameters: a {@code @NotBlank} or {@code @NotEmpty} text has at least one character
 * ({@code minLength: 1}), and a {@code @Pattern} must match the whole value, as Java's
 * {@code matches()} does, where a JSON Schema pattern matches anywhere unless anchored ({@code ^(?:...)$}).
 */
final class ValidationBounds implements ModelConverter, ParameterCustomizer {

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        Schema<?> model = schema != null && schema.get$ref() != null
                ? context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1)) : schema;
        Map<String, Schema> properties = model == null ? null : model.getProperties();
        if (properties != null && type.getType() != null) {
            Class<?> raw = TypeFactory.defaultInstance().constructType(type.getType()).getRawClass();
            properties.forEach((name, property) -> bound(property, annotationsOf(raw, name)));
        }
        return schema;
    }

    @Override
    public Parameter customize(Parameter parameter, MethodParameter methodParameter) {
        if (parameter != null && parameter.getSchema() != null) {
            // the schema may be one instance shared by many parameters: this one gets its own copy
            parameter.setSchema(AnnotationsUtils.clone(parameter.getSchema(), true));
            bound(parameter.getSchema(), methodParameter == null ? null : methodParameter.getParameterAnnotations());
        }
        return parameter;
    }

    private static Annotation[] annotationsOf(Class<?> type, String field) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field declared : c.getDeclaredFields()) {
                if (declared.getName().equals(field)) {
                    return declared.getAnnotations();
                }
            }
        }
        return null;
    }

    static void bound(Schema<?> schema, Annotation[] annotations) {
        if (schema == null) {
            return;
        }
        boolean notBlank = annotations != null && Arrays.stream(annotations)
                .anyMatch(annotation -> annotation instanceof NotBlank || annotation instanceof NotEmpty);
        boolean text = "string".equals(schema.getType()) || schema.getTypes() != null && schema.getTypes().contains("string");
        if (notBlank && text && (schema.getMinLength() == null || schema.getMinLength() == 0)) {
            schema.setMinLength(1);
        }
        if (schema.getPattern() != null) {
            schema.setPattern(anchored(schema.getPattern()));
        }
    }

    /** The pattern matching whole values only. */
    static String anchored(String pattern) {
        return pattern.startsWith("^") && pattern.endsWith("$") ? pattern : "^(?:" + pattern + ")$";
    }
}
