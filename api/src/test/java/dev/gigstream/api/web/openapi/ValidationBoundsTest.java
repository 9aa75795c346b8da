package dev.gigstream.api.web.openapi;

import io.swagger.v3.oas.models.media.StringSchema;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationBoundsTest {

    @SuppressWarnings("unused")
    record Request(@NotBlank String name, String note) {
    }

    @Test
    void aPatternMatchesWholeValuesAsJavaDoes() {
        assertThat(ValidationBounds.anchored("NG|GH")).isEqualTo("^(?:NG|GH)$");
        assertThat(ValidationBounds.anchored("^[0-9a-f]{128}$")).isEqualTo("^[0-9a-f]{128}$");
        assertThat("NGX".matches(ValidationBounds.anchored("NG|GH"))).isFalse();
    }

    @Test
    void notBlankTextHasACharacterAtLeast() throws Exception {
        StringSchema name = new StringSchema();
        StringSchema note = new StringSchema();

        ValidationBounds.bound(name, Request.class.getDeclaredField("name").getAnnotations());
        ValidationBounds.bound(note, Request.class.getDeclaredField("note").getAnnotations());

        assertThat(name.getMinLength()).isEqualTo(1);
        assertThat(note.getMinLength()).isNull();
    }
}
