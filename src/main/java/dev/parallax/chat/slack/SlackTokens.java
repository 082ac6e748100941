package dev.parallax.chat.slack;

import java.util.Map;

/**
 * The Slack secrets, read from the environment only: the bot token always; the app-level token
 * for Socket Mode, or the signing secret for HTTP mode.
 */
public record SlackTokens(String bot, String app, String signingSecret) {
    public static final String BOT_TOKEN = "SLACK_BOT_TOKEN";
    public static final String APP_TOKEN = "SLACK_APP_TOKEN";
    public static final String SIGNING_SECRET = "SLACK_SIGNING_SECRET";

    /** Whether Slack is configured: fully, not at all, or half (which is a mistake to report). */
    public sealed interface Read {
        record Ready(SlackTokens tokens) implements Read {
        }

        record Absent() implements Read {
        }

        record Incomplete(String problem) implements Read {
        }
    }

    public static Read read(Map<String, String> env, SlackSettings.Mode mode) {
        String bot = value(env, BOT_TOKEN);
        String app = value(env, APP_TOKEN);
        String secret = value(env, SIGNING_SECRET);
        if (bot.isEmpty()) {
            return app.isEmpty() && secret.isEmpty() ? new Read.Absent()
                    : new Read.Incomplete(BOT_TOKEN + " is missing (the xoxb- token from the app's OAuth page)");
        }
        if (mode == SlackSettings.Mode.SOCKET && app.isEmpty()) {
            return new Read.Incomplete(APP_TOKEN + " is missing: Socket Mode needs the app-level xapp- token"
                    + " (or set slack.mode = \"http\" and " + SIGNING_SECRET + ")");
        }
        if (mode == SlackSettings.Mode.HTTP && secret.isEmpty()) {
            return new Read.Incomplete(SIGNING_SECRET + " is missing: HTTP mode verifies every request with it");
        }
        return new Read.Ready(new SlackTokens(bot, app, secret));
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null ? "" : v.strip();
    }

    @Override
    public String toString() {
        return "SlackTokens[redacted]";
    }
}
