package dev.gigstream.api.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Who may read the metrics ({@code /actuator/prometheus}): holders of an access token of one of
 * {@code roles}, and, when {@code password} is set, the scrape account {@code username} over HTTP
 * Basic (Prometheus's {@code basic_auth}), since a scraper cannot renew a 15-minute access token.
 */
@ConfigurationProperties("gigstream.metrics")
public record MetricsProperties(List<Role> roles, String username, String password) {

    public MetricsProperties {
        roles = roles == null || roles.isEmpty() ? List.of(Role.ADMIN) : List.copyOf(roles);
    }

    boolean scrapeAccount() {
        return password != null && !password.isBlank() && username != null && !username.isBlank();
    }
}
