package dev.parallax.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.chat.discord.SlashCommandSpec.Subcommand;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SlashCommandSpecTest {
    @Test
    @DisplayName("every subcommand of the command service is there, admin ones apart")
    void mirrorsTheCommandService() {
        assertThat(SlashCommandSpec.of(false)).extracting(Subcommand::name)
                .containsExactly("digest", "story", "claims", "sources", "search", "help");
        assertThat(SlashCommandSpec.of(true)).extracting(Subcommand::name)
                .containsExactly("digest-now", "feeds", "subscribe", "unsubscribe", "schedule", "topics");
    }

    @Test
    @DisplayName("options become the command text the command service reads, optional ones left out when empty")
    void commandTexts() {
        assertThat(text(false, "story", Map.of("story", " tianjin summit "))).isEqualTo("story tianjin summit");
        assertThat(text(false, "search", Map.of("words", "putin arrival"))).isEqualTo("search putin arrival");
        assertThat(text(true, "digest-now", Map.of())).isEqualTo("digest now");
        assertThat(text(true, "schedule", Map.of("when", "0 8 * * 1-5", "zone", "Europe/Paris")))
                .isEqualTo("schedule 0 8 * * 1-5 Europe/Paris");
        assertThat(text(true, "schedule", Map.of("when", "off"))).isEqualTo("schedule off");
        assertThat(text(true, "topics", Map.of("mode", "exclude", "words", "sport weather")))
                .isEqualTo("topics exclude sport weather");
        assertThat(text(true, "subscribe", Map.of("url", "https://example.com/feed.xml")))
                .isEqualTo("subscribe https://example.com/feed.xml");
    }

    @Test
    @DisplayName("names and descriptions stay within what Discord accepts")
    void withinDiscordRules() {
        assertThat(SlashCommandSpec.SUBCOMMANDS).hasSizeLessThanOrEqualTo(50).allSatisfy(s -> {
            assertThat(s.name()).matches("[a-z0-9_-]{1,32}");
            assertThat(s.description()).hasSizeBetween(1, 100);
            assertThat(s.options()).hasSizeLessThanOrEqualTo(25).allSatisfy(o -> {
                assertThat(o.name()).matches("[a-z0-9_-]{1,32}");
                assertThat(o.description()).hasSizeBetween(1, 100);
            });
        });
    }

    private static String text(boolean admin, String name, Map<String, String> values) {
        return SlashCommandSpec.find(admin, name).orElseThrow().commandText(values);
    }
}
