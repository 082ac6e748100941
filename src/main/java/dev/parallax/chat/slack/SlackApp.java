package dev.parallax.chat.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import java.time.InstantSource;
import java.util.regex.Pattern;

/** The Bolt app: our signature check (HTTP mode), the slash command and the story buttons. */
final class SlackApp {
    private static final Pattern BUTTONS = Pattern.compile("^parallax:.+$");

    private SlackApp() {
    }

    /**
     * Builds the app; Bolt calls auth.test with the bot token here, so the Web API must answer.
     * {@code signingSecret} is null in Socket Mode, where Slack does not sign.
     */
    static App build(Slack slack, String botToken, String signingSecret, String command,
                     SlackCommandHandlers handlers, InstantSource clock) {
        App app = new App(AppConfig.builder().slack(slack).singleTeamBotToken(botToken)
                .signingSecret(signingSecret).requestVerificationEnabled(false).build());
        if (signingSecret != null) {
            app.use(new SignatureCheck(signingSecret, clock));
        }
        app.command(command, handlers::onCommand);
        app.blockAction(BUTTONS, handlers::onButton);
        return app;
    }
}
