package dev.gigstream.api.web;

import dev.gigstream.api.json.MoneyJson;
import dev.gigstream.messages.common.Money;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Every value in a request must have its own JSON type: {@code "amount": "1500"}, {@code "lat": ""},
 * {@code "title": true} or {@code "role": 0} is a 400, not a silent conversion (unknown fields, null
 * primitives and decimals for integers are refused in application.yml). {@link Money} is written as
 * {@code {amount, currency}} only. No text may hold a NUL character (U+0000): PostgreSQL
 * cannot store one, so it would fail the request with a 500 wherever the text reaches a table.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer typesMustMatch() {
        return builder -> {
            for (LogicalType type : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
                builder.withCoercionConfig(type, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
            }
            builder.withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
            builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
            builder.addMixIn(Money.class, MoneyJson.class);
            builder.addModule(new SimpleModule("text-without-nul").addDeserializer(String.class, new TextWithoutNul()));
        };
    }

    private static final class TextWithoutNul extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf(0) >= 0) {
                throw context.weirdStringException(text, String.class, "contains a NUL character");
            }
            return text;
        }
    }

}
