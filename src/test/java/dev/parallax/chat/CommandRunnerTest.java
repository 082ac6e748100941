package dev.parallax.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CommandRunnerTest {
    private static final ChannelRef CHANNEL = new ChannelRef("console", "stdout");
    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    private static CommandService answering(Function<CommandRequest, CommandReply> answer) {
        return new CommandService() {
            @Override
            public CommandReply handle(CommandRequest request) {
                return answer.apply(request);
            }

            @Override
            public List<CommandReply.StoryHit> suggestStories(String typed, int limit) {
                return List.of();
            }
        };
    }

    @Test
    @DisplayName("a quick command is answered in the acknowledgement itself")
    void quickCommandIsImmediate() {
        CommandRunner runner = new CommandRunner(answering(r -> new CommandReply.Message("hi " + r.text(), true)),
                workers, Duration.ofSeconds(2));

        CommandRunner.Ack ack = runner.run(new CommandRequest(CHANNEL, "U1", false, " help "), r -> { });

        assertThat(ack).isEqualTo(new CommandRunner.Ack.Immediate(new CommandReply.Message("hi help", true)));
    }

    @Test
    @DisplayName("a slow command is deferred, and its reply arrives later")
    void slowCommandIsDeferred() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CommandRunner runner = new CommandRunner(answering(r -> {
            await(release);
            return new CommandReply.Message("done", false);
        }), workers, Duration.ofMillis(50));
        CompletableFuture<CommandReply> later = new CompletableFuture<>();

        CommandRunner.Ack ack = runner.run(new CommandRequest(CHANNEL, "U1", true, "digest now"), later::complete);
        release.countDown();

        assertThat(ack).isInstanceOf(CommandRunner.Ack.Deferred.class);
        assertThat(later.get(5, TimeUnit.SECONDS)).isEqualTo(new CommandReply.Message("done", false));
    }

    @Test
    @DisplayName("a command that throws becomes a short problem, not a stack trace")
    void failureBecomesProblem() {
        CommandRunner runner = new CommandRunner(answering(r -> {
            throw new IllegalStateException("database locked");
        }), workers, Duration.ofSeconds(2));

        CommandRunner.Ack ack = runner.run(new CommandRequest(CHANNEL, "U1", false, "search x"), r -> { });

        assertThat(ack).isInstanceOfSatisfying(CommandRunner.Ack.Immediate.class, i -> {
            assertThat(i.reply()).isInstanceOf(CommandReply.Problem.class);
            assertThat(((CommandReply.Problem) i.reply()).text()).doesNotContain("database locked");
        });
    }

    @Test
    @DisplayName("a button's action id maps back to its subcommand")
    void buttonsRoundTrip() {
        assertThat(StoryButton.ofActionId(StoryButton.CLAIMS.actionId())).contains(StoryButton.CLAIMS);
        assertThat(StoryButton.SOURCES.commandText("s1a2b3c4")).isEqualTo("sources s1a2b3c4");
        assertThat(StoryButton.ofActionId("other")).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
