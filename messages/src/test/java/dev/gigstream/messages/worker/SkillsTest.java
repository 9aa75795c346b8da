package dev.gigstream.messages.worker;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SkillsTest {

    @Test
    void aSkillIsTrimmedLowerCasedAndItsSpacesCollapsed() {
        assertThat(Skills.normalize("  Event   STAFF ")).isEqualTo("event staff");
    }

    @Test
    void spellingsOfOneSkillCountOnceInTheOrderFirstGiven() {
        assertThat(Skills.normalize(List.of("Cook", "barista", "COOK ", "c++"))).containsExactly("cook", "barista", "c++");
    }

    @Test
    void emptyOverlongOrMarkupSkillsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Skills.normalize("   "));
        assertThatIllegalArgumentException().isThrownBy(() -> Skills.normalize("x".repeat(41)));
        assertThatIllegalArgumentException().isThrownBy(() -> Skills.normalize("<script>"));
        assertThat(Skills.normalize("x".repeat(40))).hasSize(40);
    }
}
