package dev.gigstream.api.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.gigstream.messages.common.Money;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.type.LogicalType;

/**
 * Every value in a request must have its own JSON type: {@code "amount": "1500"}, {@code "lat": ""},
 * {@code "title": true} or {@code "role": 0} is a 400, not a silent conversion (unknown fields, null
 * primitives and decimals for integers are refused in application.yml). {@link Money} is written as
 * {@code {amount, currency}} only.
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
        };
    }

    /** Money's {@code isPositive()} and the like are arithmetic, not fields. */
    @JsonIgnoreProperties({"positive", "zero", "negative"})
    private interface MoneyJson {
    }
}
