package dev.parallax.chat.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import dev.parallax.chat.ChatPlatform;
import dev.parallax.chat.CommandRunner;
import dev.parallax.chat.CommandService;
import java.io.IOException;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parallax in one Slack workspace: the delivery adapter for the outbox, and, once {@link #listen}
 * is called, the command listener over Socket Mode or HTTP. The Web API base URL comes from the
 * settings, so GovSlack, a proxy or a test server work the same way.
 */
public final class SlackBot implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackBot.class);
    // Admin look-ups sit between a command's arrival and its acknowledgement, so they may not hang.
    private static final int ADMIN_LOOKUP_TIMEOUT_MS = 1000;
    private static final int API_TIMEOUT_MS = 15_000;

    private final SlackSettings settings;
    private final SlackTokens tokens;
    private final InstantSource clock;
    private final Slack slack;
    private final Slack quickSlack;
    private final BlockKitRenderer renderer = new BlockKitRenderer(new BlockFitter());
    private final SlackPlatform platform;
    private final ExecutorService workers;
    private final ExecutorService responders;
    private final ExecutorService listeners;
    private volatile App app;
    private volatile SocketModeApp socketMode;
    private volatile SlackHttpServer http;

    public SlackBot(SlackSettings settings, SlackTokens tokens, InstantSource clock) {
        this.settings = settings;
        this.tokens = tokens;
        this.clock = clock;
        this.slack = Slack.getInstance(config(settings.apiUrl(), API_TIMEOUT_MS));
        this.quickSlack = Slack.getInstance(config(settings.apiUrl(), ADMIN_LOOKUP_TIMEOUT_MS));
        this.platform = new SlackPlatform(slack.methods(tokens.bot()), renderer, this::connected);
        this.workers = Executors.newFixedThreadPool(settings.workers(), threads("parallax-slack-command"));
        this.responders = Executors.newFixedThreadPool(Math.max(2, settings.workers() / 2),
                threads("parallax-slack-reply"));
        // Apart from the workers, and plenty: each request holds a listener thread until it is
        // acknowledged (up to the ack budget), so a small pool would queue acks past Slack's 3 s.
        this.listeners = Executors.newFixedThreadPool(listenerThreads(settings), threads("parallax-slack-http"));
    }

    /**
     * The bot if its tokens are in the environment, empty if Slack is not configured at all; a
     * half-configured Slack is an error whose message says what is missing.
     */
    public static Optional<SlackBot> fromEnvironment(SlackSettings settings, Map<String, String> env,
                                                     InstantSource clock) {
        SlackTokens.Read read = SlackTokens.read(env, settings.mode());
        if (read instanceof SlackTokens.Read.Incomplete incomplete) {
            throw new IllegalArgumentException("Slack is half configured: " + incomplete.problem());
        }
        return read instanceof SlackTokens.Read.Ready ready
                ? Optional.of(new SlackBot(settings, ready.tokens(), clock)) : Optional.empty();
    }

    /** The slash command as configured ("/parallax"), for the commands' help text. */
    public String command() {
        return settings.command();
    }

    /** What the outbox posts through. */
    public ChatPlatform platform() {
        return platform;
    }

    /** Starts answering the slash command and the buttons with these commands. */
    public synchronized void listen(CommandService commands) throws IOException {
        if (app != null) {
            throw new IllegalStateException("already listening");
        }
        SlackAdmins admins = new SlackAdmins(quickSlack.methods(tokens.bot()), settings.adminGroup(), clock,
                settings.adminCache());
        SlackCommandHandlers handlers = new SlackCommandHandlers(
                new CommandRunner(new AdminResolvingCommands(commands, admins), workers, settings.ackBudget()),
                new CommandRunner(commands, workers, settings.ackBudget()), renderer, responders);
        boolean httpMode = settings.mode() == SlackSettings.Mode.HTTP;
        app = SlackApp.build(slack, tokens.bot(), httpMode ? tokens.signingSecret() : null, settings.command(),
                handlers, clock);
        if (httpMode) {
            http = new SlackHttpServer(app, settings.httpHost(), settings.httpPort(), settings.httpPath(), listeners);
            LOG.info("slack: listening for {} on http://{}:{}{}", settings.command(), settings.httpHost(), http.port(),
                    settings.httpPath());
        } else {
            socketMode = new SocketModeApp(tokens.app(), app, SocketModeClient.Backend.JavaWebSocket,
                    listenerThreads(settings));
            try {
                socketMode.startAsync();
            } catch (Exception e) {
                throw new IOException("cannot open the Slack Socket Mode connection: " + e.getMessage(), e);
            }
            LOG.info("slack: listening for {} over Socket Mode", settings.command());
        }
    }

    /** The HTTP mode's port (useful when the settings asked for port 0). */
    int httpPort() {
        return http == null ? -1 : http.port();
    }

    App app() {
        return app;
    }

    /** For the health check: the Socket Mode connection is up, or the HTTP server runs. */
    public boolean connected() {
        SocketModeApp socket = socketMode;
        if (socket != null) {
            return socket.getClient() != null && socket.getClient().verifyConnection();
        }
        return app == null || http != null;
    }

    @Override
    public synchronized void close() {
        try {
            if (socketMode != null) {
                socketMode.close();
            }
        } catch (Exception e) {
            LOG.warn("slack: closing Socket Mode failed: {}", e.getMessage());
        }
        if (http != null) {
            http.close();
        }
        if (app != null) {
            app.stop();
        }
        workers.shutdown();
        responders.shutdown();
        listeners.shutdown();
        closeQuietly(slack);
        closeQuietly(quickSlack);
    }

    private static int listenerThreads(SlackSettings settings) {
        return Math.max(64, settings.workers() * 8);
    }

    private static SlackConfig config(String apiUrl, int timeoutMs) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl);
        config.setHttpClientCallTimeoutMillis(timeoutMs);
        config.setHttpClientReadTimeoutMillis(timeoutMs);
        config.setStatsEnabled(false);
        return config;
    }

    private static void closeQuietly(Slack s) {
        try {
            s.close();
        } catch (Exception e) {
            LOG.debug("slack: closing the client failed: {}", e.getMessage());
        }
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
