package dev.parallax.chat;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Acknowledge within 3 s, answer later", modelled once for every platform. A command runs on a
 * worker; if it answers within the budget the adapter gets the reply to send as the acknowledgement
 * itself, otherwise it gets {@link Ack.Deferred}, must acknowledge at once (Slack {@code ack()},
 * Discord {@code deferReply()}), and the reply arrives later through {@code later}.
 */
public final class CommandRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);

    private final CommandService service;
    private final ExecutorService workers;
    private final Duration budget;

    /** What the adapter must do now. */
    public sealed interface Ack {
        /** The answer came in time: send it as the acknowledgement. */
        record Immediate(CommandReply reply) implements Ack {
        }

        /** Acknowledge now with nothing (or "working on it"); the reply goes to {@code later}. */
        record Deferred() implements Ack {
        }
    }

    /** {@code budget} is how long to wait before deferring; keep it well under the platform's 3 s. */
    public CommandRunner(CommandService service, ExecutorService workers, Duration budget) {
        this.service = Objects.requireNonNull(service);
        this.workers = Objects.requireNonNull(workers);
        this.budget = Objects.requireNonNull(budget);
    }

    public Ack run(CommandRequest request, Consumer<CommandReply> later) {
        CompletableFuture<CommandReply> answer = CompletableFuture.supplyAsync(() -> safely(request), workers);
        try {
            return new Ack.Immediate(answer.get(budget.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException slow) {
            answer.thenAccept(later);
            return new Ack.Deferred();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.thenAccept(later);
            return new Ack.Deferred();
        } catch (ExecutionException e) {
            return new Ack.Immediate(failed(request, e.getCause()));
        }
    }

    // A bug in one command must reach the user as a short line, never as a stack trace.
    private CommandReply safely(CommandRequest request) {
        try {
            return service.handle(request);
        } catch (RuntimeException e) {
            return failed(request, e);
        }
    }

    private static CommandReply failed(CommandRequest request, Throwable e) {
        LOG.error("channel={} command '{}' failed", request.channel().id(), request.text(), e);
        return new CommandReply.Problem("Sorry, that command failed on our side. Please try again in a minute.");
    }
}
