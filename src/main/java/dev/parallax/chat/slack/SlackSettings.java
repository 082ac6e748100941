package dev.parallax.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;

/**
 * The {@code [slack]} section of the configuration (tokens come from the environment).
 *
 * @param mode        socket (default: no public URL needed) or http (Slack posts to us, signed)
 * @param apiUrl      the Web API base, e.g. https://slack.com/api/ or a GovSlack or proxy address
 * @param command     the slash command as registered in the app ("/parallax")
 * @param adminGroup  a user group id (S0123…) whose members count as admins, besides workspace
 *                    admins and owners; empty for none
 * @param adminCache  how long a user's admin status is trusted before asking Slack again
 * @param ackBudget   how long a command may run before it is acknowledged and answered later
 * @param httpHost    where the HTTP mode listens
 * @param httpPort    the HTTP mode's port (0 picks a free one, for tests)
 * @param httpPath    the request URL path configured in the Slack app
 * @param workers     threads that run commands
 */
public record SlackSettings(Mode mode, String apiUrl, String command, String adminGroup, Duration adminCache,
                            Duration ackBudget, String httpHost, int httpPort, String httpPath, int workers) {
    /** How Slack reaches Parallax. */
    public enum Mode { SOCKET, HTTP }

    public SlackSettings {
        if (!apiUrl.startsWith("https://") && !apiUrl.startsWith("http://")) {
            throw new IllegalArgumentException("slack.api_url must be an http(s) URL, got: " + apiUrl);
        }
        apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
        if (!command.startsWith("/") || command.length() < 2 || command.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("slack.command must look like /parallax, got: " + command);
        }
        adminGroup = adminGroup == null ? "" : adminGroup.strip();
        if (ackBudget.isNegative() || ackBudget.compareTo(Duration.ofMillis(2500)) > 0) {
            throw new IllegalArgumentException("slack.ack_budget_ms must be between 0 and 2500 (Slack waits 3 s)");
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("slack.http_port out of range: " + httpPort);
        }
        if (!httpPath.startsWith("/")) {
            throw new IllegalArgumentException("slack.http_path must start with /, got: " + httpPath);
        }
        if (workers < 1 || workers > 256) {
            throw new IllegalArgumentException("slack.workers must be between 1 and 256");
        }
    }

    public static SlackSettings defaults() {
        return new SlackSettings(Mode.SOCKET, "https://slack.com/api/", "/parallax", "", Duration.ofMinutes(10),
                Duration.ofMillis(1500), "127.0.0.1", 3000, "/slack/events", 8);
    }

    /** Reads the {@code [slack]} section; a missing key keeps its default. */
    public static SlackSettings from(JsonNode section) {
        SlackSettings d = defaults();
        String mode = section.path("mode").asText(d.mode().name()).toUpperCase(Locale.ROOT);
        Mode m;
        try {
            m = Mode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("slack.mode must be \"socket\" or \"http\", got: " + mode.toLowerCase(Locale.ROOT));
        }
        return new SlackSettings(m,
                section.path("api_url").asText(d.apiUrl()),
                section.path("command").asText(d.command()),
                section.path("admin_group").asText(d.adminGroup()),
                Duration.ofMinutes(section.path("admin_cache_minutes").asLong(d.adminCache().toMinutes())),
                Duration.ofMillis(section.path("ack_budget_ms").asLong(d.ackBudget().toMillis())),
                section.path("http_host").asText(d.httpHost()),
                section.path("http_port").asInt(d.httpPort()),
                section.path("http_path").asText(d.httpPath()),
                section.path("workers").asInt(d.workers()));
    }

    public SlackSettings withApiUrl(String url) {
        return new SlackSettings(mode, url, command, adminGroup, adminCache, ackBudget, httpHost, httpPort, httpPath,
                workers);
    }

    public SlackSettings withMode(Mode m, String host, int port) {
        return new SlackSettings(m, apiUrl, command, adminGroup, adminCache, ackBudget, host, port, httpPath, workers);
    }

    public SlackSettings withAdminGroup(String group) {
        return new SlackSettings(mode, apiUrl, command, group, adminCache, ackBudget, httpHost, httpPort, httpPath,
                workers);
    }
}
