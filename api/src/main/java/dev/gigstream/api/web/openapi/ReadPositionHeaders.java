package dev.gigstream.api.web.openapi;

import dev.gigstream.api.web.AnswersReadPosition;
import dev.gigstream.api.web.AwaitsReadPosition;
import dev.gigstream.api.web.ReadPositions;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * Gives the writes marked {@link AnswersReadPosition} the {@code Read-Position} header of their answers,
 * and the reads marked {@link AwaitsReadPosition} the optional request header; their 503
 * {@code READ_MODEL_BEHIND} comes from {@link ProblemResponses}.
 */
final class ReadPositionHeaders implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (handler.hasMethodAnnotation(AwaitsReadPosition.class)) {
            operation.addParametersItem(new Parameter().in("header").name(ReadPositions.HEADER).required(false)
                    .description("The `Read-Position` a write answered (reading your own writes): the answer waits up "
                            + "to " + ReadPositions.WAIT.toSeconds() + " seconds until it shows that write, or is 503 "
                            + "`" + ReadPositions.BEHIND + "`. Without it the answer is the read model as it is.")
                    .schema(position()));
        }
        if (handler.hasMethodAnnotation(AnswersReadPosition.class) && operation.getResponses() != null) {
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.addHeaderObject(ReadPositions.HEADER, new Header()
                            .description("Where in the event stream this write's events are (reading your own writes): "
                                    + "present it as the `Read-Position` header of the reads that must show the write")
                            .schema(position()));
                }
            });
        }
        return operation;
    }

    private static IntegerSchema position() {
        IntegerSchema schema = new IntegerSchema();
        schema.format("int64").minimum(java.math.BigDecimal.ZERO).example(4711);
        return schema;
    }
}
