package dev.gigstream.api.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metrics are for operators, not the public: {@code /actuator/prometheus} answers only an access
 * token of a role in {@code gigstream.metrics.roles} (ADMIN by default) or the scrape account over HTTP
 * Basic ({@link MetricsProperties}); anyone else gets 401, other roles 403. Health and info stay public
 * ({@link SecurityConfiguration}). This chain comes before the API's, which takes every other request.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurityConfiguration {

    static final String METRICS = "/actuator/prometheus";
    private static final String SCRAPER = "METRICS_SCRAPER";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain metrics(HttpSecurity http, JsonMapper json, MetricsProperties properties, PasswordEncoder passwords)
            throws Exception {
        String[] roles = properties.roles().stream().map(Role::name).toArray(String[]::new);
        http.securityMatcher(METRICS)
            .csrf(csrf -> csrf.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole(append(roles, SCRAPER)))
            .oauth2ResourceServer(resourceServer -> resourceServer
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityConfiguration.roleFromClaim()))
                    .authenticationEntryPoint((request, response, e) -> SecurityConfiguration.unauthorized(response, json, e))
                    .accessDeniedHandler((request, response, e) -> SecurityConfiguration.forbidden(response, json)))
            .exceptionHandling(exceptions -> exceptions
                    .authenticationEntryPoint((request, response, e) -> SecurityConfiguration.unauthorized(response, json, e))
                    .accessDeniedHandler((request, response, e) -> SecurityConfiguration.forbidden(response, json)));
        if (properties.scrapeAccount()) {
            DaoAuthenticationProvider scrapeAccount = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
                    User.withUsername(properties.username()).password(passwords.encode(properties.password())).roles(SCRAPER).build()));
            scrapeAccount.setPasswordEncoder(passwords);
            http.authenticationProvider(scrapeAccount)
                .httpBasic(basic -> basic.authenticationEntryPoint(
                        (request, response, e) -> SecurityConfiguration.unauthorized(response, json, e)));
        }
        return http.build();
    }

    private static String[] append(String[] roles, String role) {
        String[] all = java.util.Arrays.copyOf(roles, roles.length + 1);
        all[roles.length] = role;
        return all;
    }
}
