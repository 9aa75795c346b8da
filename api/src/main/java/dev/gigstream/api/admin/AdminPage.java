package dev.gigstream.api.admin;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The admin dashboard at {@code /admin}: one page, its style sheet and its script, served from the jar
 * with no build step. The page signs in with the admin account and calls the REST API and the STOMP
 * WebSocket of this origin; the {@link #CONTENT_SECURITY_POLICY} allows nothing else (no inline or
 * outside script, style or font, no framing).
 */
@RestController
@Hidden // a page for people, not part of the API
class AdminPage {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final String page = read("index.html");
    private final String style = read("admin.css");
    private final String script = read("admin.js");

    @GetMapping(value = "/admin", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page() {
        return served(page, MediaType.TEXT_HTML);
    }

    @GetMapping(value = "/admin/admin.css", produces = "text/css")
    ResponseEntity<String> style() {
        return served(style, new MediaType("text", "css", StandardCharsets.UTF_8));
    }

    @GetMapping(value = "/admin/admin.js", produces = "text/javascript")
    ResponseEntity<String> script() {
        return served(script, new MediaType("text", "javascript", StandardCharsets.UTF_8));
    }

    private static ResponseEntity<String> served(String body, MediaType type) {
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.noCache())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .body(body);
    }

    private static String read(String name) {
        try {
            return new ClassPathResource("admin/" + name).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the admin dashboard's " + name + " is missing from the jar", e);
        }
    }
}
