package dev.parallax.chat.discord;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DiscordTokenTest {
    @Test
    @DisplayName("a token Discord refuses stops the start with one clear line, not a stack trace")
    void refusedToken() throws Exception {
        try (FakeDiscordRest rest = new FakeDiscordRest()) {
            rest.fail("/users/@me", 401, 0, "401: Unauthorized", 5);
            DiscordSettings settings = new DiscordSettings(rest.baseUrl(), "ws://127.0.0.1:9/", false, 0, 0, -1, "",
                    "parallax", Duration.ofMillis(500));

            assertThatThrownBy(() -> DiscordBot.start("bad-token", settings, Optional.empty(), (c, r) -> { }))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Discord refused DISCORD_TOKEN; copy the bot token again from the Developer Portal"
                            + " (Bot > Reset Token)");
        }
    }
}
