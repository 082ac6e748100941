package dev.parallax.ops;

import dev.parallax.chat.CommandReply;
import dev.parallax.chat.CommandRequest;
import dev.parallax.chat.CommandService;
import java.time.Duration;
import java.util.List;

/** The command service with each command's answer time recorded as {@code parallax_command_latency}. */
public final class MeasuredCommands implements CommandService {
    private final CommandService inner;
    private final ParallaxMetrics metrics;

    public MeasuredCommands(CommandService inner, ParallaxMetrics metrics) {
        this.inner = inner;
        this.metrics = metrics;
    }

    @Override
    public CommandReply handle(CommandRequest request) {
        long started = System.nanoTime(); // a duration, not a time of day: the monotonic clock is the right one
        try {
            return inner.handle(request);
        } finally {
            metrics.commandLatency(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    @Override
    public List<CommandReply.StoryHit> suggestStories(String typed, int limit) {
        return inner.suggestStories(typed, limit);
    }
}
