package dev.gigstream.api.web;

import dev.gigstream.messages.common.Money;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /**
     * The server is the application's public URL, not the address a request for the document came in on, so
     * the document is the same however it is fetched and a client generated from it defaults to a real address.
     */
    @Bean
    OpenAPI gigstreamOpenApi(@Value("${gigstream.public-url}") String publicUrl) {
        String server = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return new OpenAPI()
                .servers(List.of(new Server().url(server).description("This deployment (gigstream.public-url)")))
                .info(new Info().title("Gigstream API").version("v1")
                        .description("Shift and gig-work marketplace: jobs, applications, escrow through Paystack, "
                                + "disputes and ratings. Errors are RFC 9457 problem details. Every endpoint is rate "
                                + "limited (per user, or per client address without a token): answers carry RateLimit-Limit, "
                                + "RateLimit-Remaining and RateLimit-Reset; over the limit 429 RATE_LIMITED with Retry-After."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** Every operation may answer 429 (see {@link EndpointRateLimitFilter}); generated clients learn its headers. */
    @Bean
    OpenApiCustomizer rateLimitedResponses() {
        return openApi -> {
            ApiResponse tooMany = new ApiResponse()
                    .description("Rate limited (code RATE_LIMITED): wait Retry-After seconds")
                    .content(new Content().addMediaType("application/problem+json", new MediaType().schema(new Schema<>().type("object"))))
                    .addHeaderObject("Retry-After", seconds("Seconds until the next request is allowed"))
                    .addHeaderObject("RateLimit-Limit", seconds("Requests allowed per period in this endpoint's group"))
                    .addHeaderObject("RateLimit-Remaining", seconds("Requests left now (0)"))
                    .addHeaderObject("RateLimit-Reset", seconds("Seconds until the allowance is full again"));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getResponses() != null && !operation.getResponses().containsKey("429")) {
                    operation.getResponses().addApiResponse("429", tooMany);
                }
            }));
        };
    }

    /**
     * {@link Money} is written as {@code {amount, currency}} only (see {@link StrictJsonConfiguration}); the
     * document is resolved with swagger's own Jackson, which does not see that mix-in and would list
     * {@code isPositive()} and the like as properties. Both are always there.
     */
    @Bean
    OpenApiCustomizer moneyIsAmountAndCurrency() {
        return openApi -> {
            Schema<?> money = openApi.getComponents() == null || openApi.getComponents().getSchemas() == null ? null
                    : openApi.getComponents().getSchemas().get("Money");
            if (money == null || money.getProperties() == null) {
                return;
            }
            money.getProperties().keySet().retainAll(List.of("amount", "currency"));
            money.setRequired(List.of("amount", "currency"));
        };
    }

    private static Header seconds(String description) {
        return new Header().description(description).schema(new IntegerSchema());
    }
}
