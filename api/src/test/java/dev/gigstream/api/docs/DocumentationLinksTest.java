package dev.gigstream.api.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository documents itself: every link in the README and under {@code docs/} leads to a file of
 * the repository (or a heading of the same page), never outside it.
 */
class DocumentationLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<(https?://[^>]+)>");

    @Test
    void everyLinkStaysInsideTheRepository() throws IOException {
        Path root = root();
        List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(page -> page.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        assertThat(pages).extracting(page -> root.relativize(page).toString()).contains("docs/api.md", "docs/architecture.md");

        List<String> outside = new ArrayList<>();
        for (Path page : pages) {
            String text = withoutCode(Files.readString(page));
            Matcher autolink = AUTOLINK.matcher(text);
            while (autolink.find()) {
                outside.add(root.relativize(page) + ": " + autolink.group(1));
            }
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                if (target.contains("://") || target.startsWith("mailto:")) {
                    outside.add(root.relativize(page) + ": " + target);
                } else if (!file.isEmpty()) {
                    Path resolved = page.getParent().resolve(file).normalize();
                    if (!resolved.startsWith(root) || !Files.exists(resolved)) {
                        outside.add(root.relativize(page) + ": " + target + " (no such file in the repository)");
                    }
                }
            }
        }
        assertThat(outside).as("links that leave the repository").isEmpty();
    }

    /** Fenced blocks and inline code hold commands and examples, not links. */
    private static String withoutCode(String markdown) {
        return markdown.replaceAll("(?s)```.*?```", "").replaceAll("`[^`\n]*`", "");
    }

    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root above " + Path.of("").toAbsolutePath());
    }
}
