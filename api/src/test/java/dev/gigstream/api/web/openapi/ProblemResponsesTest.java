package dev.gigstream.api.web.openapi;

import dev.gigstream.api.web.Idempotent;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProblemResponsesTest {

    private final ProblemResponses responses = new ProblemResponses();

    @SuppressWarnings("unused")
    static class Endpoints {

        @PreAuthorize("hasRole('WORKER')")
        @SendsCommand
        @ProblemResponse(status = 409, codes = {"JOB_NOT_OPEN", "ALREADY_APPLIED"})
        @ProblemResponse(status = 403, codes = "WORKER_SUSPENDED")
        void apply() {
        }

        @ProblemResponse(status = 401, codes = "BAD_CREDENTIALS")
        void logIn() {
        }

        void me() {
        }

        @ProblemResponse(status = 200, codes = "NOT_A_PROBLEM")
        void wrong() {
        }

        @Idempotent
        @ProblemResponse(status = 409, codes = "EMAIL_TAKEN")
        void register() {
        }
    }

    private Operation customize(String method, Operation operation) throws NoSuchMethodException {
        return responses.customize(operation, new HandlerMethod(new Endpoints(), Endpoints.class.getDeclaredMethod(method)));
    }

    private static Operation withSuccess() {
        return new Operation().responses(new ApiResponses().addApiResponse("201", new ApiResponse().description("Created")));
    }

    @Test
    void aSecuredCommandWithABodyListsTheSharedRefusalsAndItsOwn() throws Exception {
        Operation apply = customize("apply", withSuccess().requestBody(new RequestBody()));

        assertThat(apply.getResponses()).containsOnlyKeys("201", "400", "401", "403", "409", "413", "415", "429", "503");
        assertThat(apply.getResponses().get("403").getDescription()).contains("`FORBIDDEN`", "`WORKER_SUSPENDED`");
        assertThat(apply.getResponses().get("409").getDescription())
                .contains("`CONCURRENT_MODIFICATION`", "`JOB_NOT_OPEN`", "`ALREADY_APPLIED`");
        assertThat(apply.getResponses().get("503").getDescription()).contains("`STORE_UNAVAILABLE`", "`COMMAND_OUTCOME_UNKNOWN`");
        assertThat(apply.getResponses().get("503").getHeaders()).containsKey("Retry-After");
        assertThat(apply.getResponses().get("401").getHeaders()).containsKey("WWW-Authenticate");
        assertThat(apply.getResponses().get("429").getHeaders()).containsKeys("Retry-After", "RateLimit-Limit",
                "RateLimit-Remaining", "RateLimit-Reset");
        assertThat(apply.getResponses().get("409").getContent()).containsOnlyKeys("application/problem+json");
        assertThat(apply.getResponses().get("409").getContent().get("application/problem+json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/ProblemDetails");
        assertThat(apply.getResponses().get("201").getDescription()).isEqualTo("Created");
    }

    @Test
    void aPublicOperationListsOnlyItsOwnRefusalsBesidesRateLimitsAndItsInput() throws Exception {
        Operation logIn = customize("logIn", withSuccess().security(List.of()).requestBody(new RequestBody()));

        assertThat(logIn.getResponses()).containsOnlyKeys("201", "400", "401", "413", "415", "429");
        assertThat(logIn.getResponses().get("401").getDescription()).contains("`BAD_CREDENTIALS`", "`UNAUTHENTICATED`",
                "No access token is needed here");
    }

    @Test
    void aPathCanBeMalformedAndAnAnswerBodyUnacceptable() throws Exception {
        Operation me = customize("me", new Operation()
                .parameters(List.of(new Parameter().in("path").name("jobId")))
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK").content(
                        new io.swagger.v3.oas.models.media.Content().addMediaType("application/json",
                                new io.swagger.v3.oas.models.media.MediaType())))));

        assertThat(me.getResponses().get("400").getDescription()).contains("`BAD_REQUEST`").doesNotContain("INVALID_REQUEST");
        assertThat(me.getResponses().get("406").getDescription()).contains("`NOT_ACCEPTABLE`");
    }

    @Test
    void withoutBodyOrQueryTheOnlyBadRequestIsANonCanonicalPath() throws Exception {
        Operation me = customize("me", withSuccess().security(List.of(new SecurityRequirement().addList("bearer"))));

        assertThat(me.getResponses()).containsOnlyKeys("201", "400", "401", "429", "503");
        assertThat(me.getResponses().get("400").getDescription()).contains("`NON_CANONICAL_PATH`")
                .doesNotContain("INVALID_REQUEST").doesNotContain("`BAD_REQUEST`");

        Operation query = customize("me", withSuccess().parameters(List.of(new Parameter().in("query").name("limit"))));
        assertThat(query.getResponses()).containsKey("400");
    }

    @Test
    void anOperationTakingAnIdempotencyKeyListsTheKeyAndItsRefusals() throws Exception {
        Operation register = customize("register", withSuccess().security(List.of()).requestBody(new RequestBody()));
        new IdempotencyKeyParameter().customize(register,
                new HandlerMethod(new Endpoints(), Endpoints.class.getDeclaredMethod("register")));

        assertThat(register.getResponses().get("422").getDescription()).contains("`IDEMPOTENCY_KEY_REUSED`");
        assertThat(register.getResponses().get("409").getDescription()).contains("`IDEMPOTENCY_KEY_IN_USE`", "`EMAIL_TAKEN`");
        assertThat(register.getResponses().get("409").getHeaders()).containsKey("Retry-After");
        assertThat(register.getParameters()).extracting(Parameter::getIn, Parameter::getName, Parameter::getRequired)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("header", "Idempotency-Key", false));
        assertThat(register.getResponses().get("201").getHeaders()).containsOnlyKeys("Idempotent-Replayed");

        Operation logIn = customize("logIn", withSuccess().requestBody(new RequestBody()));
        new IdempotencyKeyParameter().customize(logIn, new HandlerMethod(new Endpoints(), Endpoints.class.getDeclaredMethod("logIn")));
        assertThat(logIn.getParameters()).isNull();
        assertThat(logIn.getResponses()).doesNotContainKey("422");
    }

    @Test
    void aProblemIsAnErrorStatus() {
        assertThatThrownBy(() -> customize("wrong", withSuccess())).isInstanceOf(IllegalStateException.class);
    }
}
