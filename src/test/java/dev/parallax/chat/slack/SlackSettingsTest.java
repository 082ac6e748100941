package dev.parallax.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {
    private static SlackSettings parse(String toml) throws Exception {
        return SlackSettings.from(new TomlMapper().readTree(toml).path("slack"));
    }

    @Test
    @DisplayName("the [slack] section sets each key; a missing section keeps the defaults")
    void parses() throws Exception {
        SlackSettings s = parse("""
                [slack]
                mode = "http"
                api_url = "https://slack-gov.com/api"
                admin_group = "S0ADMINS"
                ack_budget_ms = 800
                http_port = 8080
                """);

        assertThat(s.mode()).isEqualTo(SlackSettings.Mode.HTTP);
        assertThat(s.apiUrl()).isEqualTo("https://slack-gov.com/api/");
        assertThat(s.adminGroup()).isEqualTo("S0ADMINS");
        assertThat(s.ackBudget()).isEqualTo(Duration.ofMillis(800));
        assertThat(s.httpPort()).isEqualTo(8080);
        assertThat(s.command()).isEqualTo("/parallax");
        assertThat(parse("")).isEqualTo(SlackSettings.defaults());
    }

    @Test
    @DisplayName("bad values are refused with the key's name")
    void refusesBadValues() {
        assertThatThrownBy(() -> parse("[slack]\nmode = \"webhook\"")).hasMessageContaining("slack.mode");
        assertThatThrownBy(() -> parse("[slack]\nack_budget_ms = 3000")).hasMessageContaining("slack.ack_budget_ms");
        assertThatThrownBy(() -> parse("[slack]\napi_url = \"slack.com\"")).hasMessageContaining("slack.api_url");
        assertThatThrownBy(() -> parse("[slack]\ncommand = \"parallax\"")).hasMessageContaining("slack.command");
    }

    @Test
    @DisplayName("tokens: absent means no Slack; half of them is a mistake that names what is missing")
    void tokens() {
        assertThat(SlackTokens.read(Map.of(), SlackSettings.Mode.SOCKET)).isInstanceOf(SlackTokens.Read.Absent.class);
        assertThat(SlackTokens.read(Map.of("SLACK_BOT_TOKEN", "xoxb-1"), SlackSettings.Mode.SOCKET))
                .isInstanceOfSatisfying(SlackTokens.Read.Incomplete.class,
                        i -> assertThat(i.problem()).startsWith("SLACK_APP_TOKEN is missing"));
        assertThat(SlackTokens.read(Map.of("SLACK_BOT_TOKEN", "xoxb-1"), SlackSettings.Mode.HTTP))
                .isInstanceOfSatisfying(SlackTokens.Read.Incomplete.class,
                        i -> assertThat(i.problem()).startsWith("SLACK_SIGNING_SECRET is missing"));
        assertThat(SlackTokens.read(Map.of("SLACK_APP_TOKEN", "xapp-1"), SlackSettings.Mode.SOCKET))
                .isInstanceOf(SlackTokens.Read.Incomplete.class);
        assertThat(SlackTokens.read(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"),
                SlackSettings.Mode.SOCKET)).isEqualTo(new SlackTokens.Read.Ready(new SlackTokens("xoxb-1", "xapp-1", "")));
        assertThat(new SlackTokens("xoxb-secret", "xapp-secret", "s").toString()).doesNotContain("secret");
        assertThatThrownBy(() -> SlackBot.fromEnvironment(SlackSettings.defaults(),
                Map.of("SLACK_BOT_TOKEN", "xoxb-1"), java.time.Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Slack is half configured");
    }
}
