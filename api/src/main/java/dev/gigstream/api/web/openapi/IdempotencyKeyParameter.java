package dev.gigstream.api.web.openapi;

import dev.gigstream.api.web.Idempotent;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

import java.util.List;

/**
 * Gives the operations marked {@link Idempotent} their optional {@code Idempotency-Key} header and the
 * {@code Idempotent-Replayed} header of their answers; their 409 and 422 answers come from
 * {@link ProblemResponses}.
 */
final class IdempotencyKeyParameter implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (!AnnotatedElementUtils.hasAnnotation(handler.getMethod(), Idempotent.class)) {
            return operation;
        }
        operation.addParametersItem(new Parameter().in("header").name(Idempotent.KEY_HEADER).required(false)
                .description("A key of the client's choosing (a new UUID per request) that makes a retry safe: the same "
                        + "key and request from the same caller within 24 hours answer the first answer again, without "
                        + "acting again; the same key with another request is refused 422 `IDEMPOTENCY_KEY_REUSED`. "
                        + "Only 2xx answers are kept: after a refusal the key may be sent again.")
                .schema(new StringSchema().minLength(1).maxLength(Idempotent.MAX_KEY_LENGTH).pattern("^[ -~]+$")
                        .example("9b1f6c1e-2f55-4f0e-8d4c-3f1c1b0f8a77")));
        if (operation.getResponses() != null) {
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.addHeaderObject(Idempotent.REPLAYED_HEADER, new Header()
                            .description("`true` when this is the stored answer to an earlier request with the same "
                                    + "Idempotency-Key; absent otherwise")
                            .schema(new StringSchema()._enum(List.of("true"))));
                }
            });
        }
        return operation;
    }
}
