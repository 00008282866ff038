package org.pando.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pando.domain.InvalidInput;

class TagNormalisationTest {

    @Test
    void writesATopicOneWay() {
        assertThat(TagService.normalised("  #Street   Food ")).isEqualTo("street food");
        assertThat(TagService.normalised("K-Pop")).isEqualTo("k-pop");
        assertThat(TagService.normalised("요리")).as("Korean letters are letters").isEqualTo("요리");
        assertThat(TagService.normalised("Crème brûlée")).isEqualTo("crème brûlée");
        assertThat(TagService.normalised("2024")).isEqualTo("2024");
    }

    @Test
    void refusesWhatIsNotATag() {
        for (String bad : new String[] {"", "   ", "#", "a".repeat(TagService.MAX_LENGTH + 1), "fish & chips", "<script>", "-x", "a--b"}) {
            assertThatThrownBy(() -> TagService.normalised(bad)).as("tag \"%s\"", bad).isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("not a tag");
        }
        assertThat(TagService.normalised("a".repeat(TagService.MAX_LENGTH))).hasSize(TagService.MAX_LENGTH);
    }
}
