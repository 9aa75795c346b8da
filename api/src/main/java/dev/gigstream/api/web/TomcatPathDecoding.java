package dev.gigstream.api.web;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat hands an encoded slash or backslash ({@code %2F}, {@code %5C}) to the application as it came
 * instead of refusing it itself, so that {@link CanonicalPathFilter} refuses it like any other
 * non-canonical spelling, with its own code. Tomcat never decodes them into path separators.
 */
@Component
class TomcatPathDecoding implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private static final String PASS_THROUGH = "passthrough";

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling(PASS_THROUGH);
            connector.setEncodedReverseSolidusHandling(PASS_THROUGH);
        });
    }
}
