package dev.parallax.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.chat.StoryButton;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StoryButtonIdsTest {
    @Test
    @DisplayName("a button's custom id carries its action and story, and reads back")
    void roundTrip() {
        String id = StoryButtonIds.of(StoryButton.SOURCES, "s1a2b3c4").orElseThrow();

        assertThat(id).isEqualTo("parallax:sources|s1a2b3c4");
        assertThat(StoryButtonIds.parse(id)).contains(new StoryButtonIds.Press(StoryButton.SOURCES, "s1a2b3c4"));
    }

    @Test
    @DisplayName("ids too long for Discord make no button; other buttons' ids are not ours")
    void refusesOthers() {
        assertThat(StoryButtonIds.of(StoryButton.CLAIMS, "s".repeat(90))).isEmpty();
        assertThat(StoryButtonIds.parse("poll:vote|1")).isEmpty();
        assertThat(StoryButtonIds.parse("parallax:claims|")).isEmpty();
        assertThat(StoryButtonIds.parse("parallax:claims")).isEmpty();
    }
}
