package dev.gigstream.api.location;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class SharePageTest {

    @Test
    void thePolicyAllowsExactlyThePagesOwnInlineScriptAndStyle() {
        var script = Pattern.compile("<script>(.*)</script>", Pattern.DOTALL).matcher(SharePage.HTML);
        var style = Pattern.compile("<style>(.*)</style>", Pattern.DOTALL).matcher(SharePage.HTML);
        assertThat(script.find()).isTrue();
        assertThat(style.find()).isTrue();

        assertThat(SharePage.CONTENT_SECURITY_POLICY)
                .startsWith("default-src 'none'")
                .contains("script-src '" + SharePage.sha256(script.group(1)) + "'")
                .contains("style-src '" + SharePage.sha256(style.group(1)) + "'")
                .contains("connect-src 'self'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("http");
    }

    @Test
    void thePageLoadsNothingFromElsewhereAndWritesNoHtmlFromTheAnswer() {
        assertThat(SharePage.HTML)
                .doesNotContainPattern("<script[^>]+src")
                .doesNotContainPattern("<link[^>]+stylesheet")
                .doesNotContain("@import")
                .doesNotContain("innerHTML")
                .contains("name=\"viewport\"")
                .contains("/api/v1/location-shares/")
                .contains("https://www.google.com/maps/search/?api=1&query=")
                .contains("setInterval(refresh, 30000)");
        assertThat(SharePage.HTML.replace("https://www.google.com/maps/search/", "")).doesNotContain("http://").doesNotContain("https://");
    }
}
