package dev.gigstream.api.web.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointRateLimitFilterTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final List<String> keys = new ArrayList<>();
    private final SharedBuckets recording = (key, configuration) -> {
        keys.add(key);
        return Optional.of(ConsumptionProbe.consumed(9, 6_000_000_000L));
    };

    private static RateLimitProperties defaults(boolean enabled) {
        return new RateLimitProperties(enabled, List.of("/actuator/health/**"), Map.of(
                "webhooks", new RateLimitProperties.Group(10, List.of("/api/v1/webhooks/**"), List.of("POST"),
                        RateLimitProperties.Key.ADDRESS, 600, MINUTE),
                "admin", new RateLimitProperties.Group(20, List.of("/api/v1/admin/**"), List.of(),
                        RateLimitProperties.Key.USER, 600, MINUTE),
                "writes", new RateLimitProperties.Group(30, List.of("/**"), List.of("post", " PUT"),
                        RateLimitProperties.Key.USER, 60, MINUTE),
                "reads", new RateLimitProperties.Group(40, List.of("/**"), List.of("GET"),
                        RateLimitProperties.Key.USER, 300, MINUTE),
                "public", new RateLimitProperties.Group(50, List.of("/**"), List.of(),
                        RateLimitProperties.Key.ADDRESS, 120, MINUTE)));
    }

    private MockHttpServletResponse send(RateLimitProperties properties, String method, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr("203.0.113.7");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new EndpointRateLimitFilter(properties, recording, JsonMapper.builder().build())
                .doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static void signedIn(String userId) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(userId, null, "ROLE_WORKER"));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anAuthenticatedRequestCountsAgainstItsUsersBucketOfTheFirstMatchingGroup() throws Exception {
        signedIn("user-1");

        send(defaults(true), "POST", "/api/v1/jobs");
        send(defaults(true), "PUT", "/api/v1/workers/me/profile");
        send(defaults(true), "GET", "/api/v1/jobs");
        send(defaults(true), "POST", "/api/v1/admin/users/u/suspend");

        assertThat(keys).containsExactly("writes:user:user-1", "writes:user:user-1", "reads:user:user-1", "admin:user:user-1");
    }

    @Test
    void anAnonymousRequestSkipsTheUserGroupsAndCountsAgainstItsAddress() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

        var response = send(defaults(true), "GET", "/share/abc");

        assertThat(keys).containsExactly("public:address:203.0.113.7");
        assertThat(response.getHeader("RateLimit-Limit")).isEqualTo("120");
        assertThat(response.getHeader("RateLimit-Remaining")).isEqualTo("9");
        assertThat(response.getHeader("RateLimit-Reset")).isEqualTo("6");
    }

    @Test
    void webhooksCountPerAddressEvenWithAUser() throws Exception {
        signedIn("user-1");

        send(defaults(true), "POST", "/api/v1/webhooks/paystack");

        assertThat(keys).containsExactly("webhooks:address:203.0.113.7");
    }

    @Test
    void exemptPathsRequestsCountedElsewhereAndADisabledFilterCountNothing() throws Exception {
        signedIn("user-1");
        MockHttpServletRequest counted = new MockHttpServletRequest("POST", "/api/v1/auth/login");
        counted.setAttribute(AddressRateLimitFilter.LIMITED, "auth");
        new EndpointRateLimitFilter(defaults(true), recording, JsonMapper.builder().build())
                .doFilter(counted, new MockHttpServletResponse(), new MockFilterChain());

        var health = send(defaults(true), "GET", "/actuator/health/readiness");
        send(defaults(false), "GET", "/api/v1/jobs");

        assertThat(keys).isEmpty();
        assertThat(health.getHeader("RateLimit-Limit")).isNull();
    }

    @Test
    void aGroupWithoutPathsIsRefusedAtStartUp() {
        var broken = new RateLimitProperties(true, List.of(), Map.of("reads",
                new RateLimitProperties.Group(1, List.of(), List.of("GET"), RateLimitProperties.Key.USER, 10, MINUTE)));

        assertThatThrownBy(() -> new EndpointRateLimitFilter(broken, recording, JsonMapper.builder().build()))
                .hasMessageContaining("gigstream.rate-limits.groups.reads");
    }
}
