package dev.parallax.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DiscordSettingsTest {
    @Test
    @DisplayName("no [discord] section gives Discord's own endpoints, one connection and /parallax")
    void defaults() throws Exception {
        DiscordSettings s = DiscordSettings.from(new TomlMapper().readTree("").path("discord"));

        assertThat(s).isEqualTo(DiscordSettings.defaults());
        assertThat(s.restBaseUrl()).isEqualTo("https://discord.com/api/v10/");
        assertThat(s.sharded()).isFalse();
        assertThat(s.runsAllShards()).isTrue();
    }

    @Test
    @DisplayName("the example config/parallax.toml documents exactly the defaults")
    void exampleConfig() throws Exception {
        JsonNode root = new TomlMapper().readTree(java.nio.file.Files.readString(java.nio.file.Path.of("config",
                "parallax.toml")));

        assertThat(DiscordSettings.from(root.path("discord"))).isEqualTo(DiscordSettings.defaults());
    }

    @Test
    @DisplayName("a [discord] section sets the endpoints, this instance's shards and the admin role")
    void parses() throws Exception {
        JsonNode root = new TomlMapper().readTree("""
                [discord]
                rest_base_url = "http://127.0.0.1:8081/api/v10"
                gateway_url = "ws://127.0.0.1:8082/"
                compress = false
                shard_total = 4
                shard_first = 2
                admin_role = "Editors"
                command = "news"
                ack_budget_ms = 1000
                """);

        DiscordSettings s = DiscordSettings.from(root.path("discord"));

        assertThat(s).isEqualTo(new DiscordSettings("http://127.0.0.1:8081/api/v10/", "ws://127.0.0.1:8082/", false,
                4, 2, 3, "Editors", "news", Duration.ofSeconds(1)));
        assertThat(s.adminCommand()).isEqualTo("news-admin");
        assertThat(s.runsAllShards()).isFalse();
    }

    @Test
    @DisplayName("bad values are refused with a line that names the key")
    void validates() {
        DiscordSettings d = DiscordSettings.defaults();

        assertThatThrownBy(() -> new DiscordSettings("discord.com", "", true, 0, 0, -1, "", "parallax",
                d.ackBudget())).hasMessageContaining("discord.rest_base_url");
        assertThatThrownBy(() -> new DiscordSettings(d.restBaseUrl(), "http://x", true, 0, 0, -1, "", "parallax",
                d.ackBudget())).hasMessageContaining("discord.gateway_url");
        assertThatThrownBy(() -> new DiscordSettings(d.restBaseUrl(), "", true, 2, 1, 2, "", "parallax",
                d.ackBudget())).hasMessageContaining("within 0..1");
        assertThatThrownBy(() -> new DiscordSettings(d.restBaseUrl(), "", true, 0, 0, -1, "", "Parallax News",
                d.ackBudget())).hasMessageContaining("discord.command");
        assertThatThrownBy(() -> new DiscordSettings(d.restBaseUrl(), "", true, 0, 0, -1, "", "parallax",
                Duration.ofSeconds(3))).hasMessageContaining("discord.ack_budget_ms");
    }
}
