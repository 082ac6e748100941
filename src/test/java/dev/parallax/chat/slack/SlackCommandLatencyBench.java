package dev.parallax.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.MutableClock;
import dev.parallax.chat.SeededCommands;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Command latency from receipt to acknowledgement: 50 signed slash commands (50 users, so 50
 * users.info look-ups against the fake Web API) sent at once over HTTP to the HTTP mode, on the
 * real commands over the seed stories. Prints p50/p99 (and writes target/slack-command-latency.txt);
 * timings are reported, not asserted. Not part of the suite (the name does not end in Test); run it with
 * {@code mvn -B -q verify -Dtest=SlackCommandLatencyBench -Dsurefire.failIfNoSpecifiedTests=false},
 * and {@code -Dparallax.bench.commands=N} to change the load.
 */
class SlackCommandLatencyBench {
    private static final int COMMANDS = Integer.getInteger("parallax.bench.commands", 50);

    @Test
    @DisplayName("50 concurrent commands are all acknowledged; p50/p99 from receipt to ack are printed")
    void concurrentCommands(@TempDir Path dir) throws Exception {
        SeededCommands seeded = new SeededCommands(dir);
        MutableClock clock = new MutableClock(Instant.now());
        try (FakeSlackApi api = new FakeSlackApi()) {
            api.admins("U0000");
            SlackSettings settings = SlackSettings.defaults().withApiUrl(api.apiUrl())
                    .withMode(SlackSettings.Mode.HTTP, "127.0.0.1", 0);
            try (SlackBot bot = new SlackBot(settings, new SlackTokens("xoxb-bench", "", SignedRequests.SECRET), clock)) {
                bot.listen(seeded.commands);
                URI uri = URI.create("http://127.0.0.1:" + bot.httpPort() + settings.httpPath());
                List<String> texts = List.of("help", "search tianjin summit", "story " + seeded.seedStory,
                        "claims " + seeded.seedStory, "sources " + seeded.floodStory, "story container rates",
                        "schedule", "topics", "feeds", "search flooding");
                // One command first, so the JIT has seen the HTTP path; caches stay cold.
                HttpClient.newHttpClient().send(signedRequest(uri, api, clock, "UWARMUP", "help", "warm-up"),
                        HttpResponse.BodyHandlers.ofString());
                StringBuilder report = new StringBuilder();
                int deferred = 0;
                for (String round : List.of("cold (users and briefs not cached)", "warm")) {
                    Result r = round(uri, api, clock, texts);
                    report.append(String.format(Locale.ROOT, "%s: %d commands, p50 %.1f ms, p99 %.1f ms, max %.1f ms,"
                                    + " answered in the ack %d, deferred %d%n", round, r.millis.size(),
                            percentile(r.millis, 50), percentile(r.millis, 99), percentile(r.millis, 100), r.immediate,
                            r.millis.size() - r.immediate));
                    assertThat(r.statuses).containsOnly(200).hasSize(COMMANDS);
                    deferred += r.millis.size() - r.immediate;
                    awaitLaterReplies(api, deferred);
                }
                String text = "Slack command latency, receipt to ack, " + COMMANDS + " concurrent commands over HTTP"
                        + " against the local fake Web API (" + Runtime.getRuntime().availableProcessors()
                        + " cores, ack budget " + settings.ackBudget().toMillis() + " ms, " + settings.workers()
                        + " workers, load average " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
                        + ")\n" + report;
                System.out.print(text);
                Files.writeString(Path.of("target", "slack-command-latency.txt"), text);
            }
        }
    }

    private record Result(List<Double> millis, List<Integer> statuses, int immediate) {
    }

    private static Result round(URI uri, FakeSlackApi api, MutableClock clock, List<String> texts)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
        ExecutorService senders = Executors.newFixedThreadPool(COMMANDS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<long[]>> sent = new ArrayList<>();
        for (int i = 0; i < COMMANDS; i++) {
            String user = String.format(Locale.ROOT, "U%04d", i);
            HttpRequest built = signedRequest(uri, api, clock, user, texts.get(i % texts.size()), "b" + i);
            sent.add(senders.submit(() -> {
                go.await();
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                long elapsed = System.nanoTime() - start;
                return new long[] {elapsed, response.statusCode(), response.body().isBlank() ? 0 : 1};
            }));
        }
        go.countDown();
        List<Double> millis = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        int immediate = 0;
        for (Future<long[]> f : sent) {
            long[] r = f.get();
            millis.add(r[0] / 1e6);
            statuses.add((int) r[1]);
            immediate += (int) r[2];
        }
        senders.shutdown();
        return new Result(millis, statuses, immediate);
    }

    private static HttpRequest signedRequest(URI uri, FakeSlackApi api, MutableClock clock, String user, String text,
                                             String responseName) {
        String body = SignedRequests.slashBody("C0BENCH", user, text, api.responseUrl(responseName));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        SignedRequests.headers(SignedRequests.SECRET, clock.instant(), body).forEach((k, v) -> request.header(k, v.get(0)));
        return request.build();
    }

    // The next round starts once every deferred command has answered, so it does not queue behind them.
    private static void awaitLaterReplies(FakeSlackApi api, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (api.responses().size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(api.responses()).hasSize(expected);
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

}
