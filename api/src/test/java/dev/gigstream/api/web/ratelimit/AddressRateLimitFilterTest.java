package dev.gigstream.api.web.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import org.springframework.http.HttpMethod;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AddressRateLimitFilterTest {

    private final List<String> sharedKeys = new ArrayList<>();

    private AddressRateLimitFilter filter(SharedBuckets shared) {
        return new AddressRateLimitFilter("test", HttpMethod.POST, List.of("/limited"), 2, Duration.ofMinutes(1), shared,
                JsonMapper.builder().build(), "Too many") {
        };
    }

    private static MockHttpServletResponse send(AddressRateLimitFilter filter) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/limited");
        request.setRemoteAddr("203.0.113.7");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void theSharedBucketDecidesWhenItAnswers() throws Exception {
        var filter = filter((key, configuration) -> {
            sharedKeys.add(key);
            return Optional.of(ConsumptionProbe.rejected(0, 30_000_000_000L, 30_000_000_000L));
        });

        var response = send(filter);

        assertThat(sharedKeys).containsExactly("test:203.0.113.7");
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("30");
        assertThat(response.getContentAsString()).contains("\"code\":\"RATE_LIMITED\"");
    }

    @Test
    void theInstancesOwnBucketCountsWhileTheSharedOneCannotAnswer() throws Exception {
        var filter = filter(SharedBuckets.NONE);

        assertThat(send(filter).getHeader("X-RateLimit-Remaining")).isEqualTo("1");
        assertThat(send(filter).getHeader("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(send(filter).getStatus()).isEqualTo(429);
    }
}
