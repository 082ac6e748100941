package dev.parallax.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parallax.MutableClock;
import dev.parallax.Seeds;
import dev.parallax.chat.DeliveryResult;
import dev.parallax.store.ChannelRow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery through the outbox: order and threads, retries, permanent failures, and crashes at the worst moments. */
class OutboxDispatcherTest {
    private static final String NEWS = "fake:news";
    private static final String SPORT = "fake:sport";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-09-01T07:00:00Z"));
    private ScheduleFixture f;

    /** Two channels, each with a digest queued at 08:00: a header and two stories in its thread. */
    @BeforeEach
    void queueDigests() {
        f = new ScheduleFixture(dir, clock);
        f.addSeeds("000", "001", "003");
        f.addArticle("900_floods.txt", Seeds.UNRELATED_ARTICLE);
        for (String ch : List.of(NEWS, SPORT)) {
            f.channels.declare(ch, "fake", ch.substring(5), "08:00", "UTC", List.of(), List.of());
        }
        clock.set(Instant.parse("2025-09-01T08:00:00Z"));
        f.digests.runDue(NEWS);
        f.digests.runDue(SPORT);
        assertThat(f.rows()).hasSize(6);
    }

    private static long count(List<FakePlatform.Post> posts, String key) {
        return posts.stream().filter(p -> p.key().equals(key)).count();
    }

    @Test
    @DisplayName("each message is posted once, the header first and the stories in its thread")
    void deliversInThreads() {
        FakePlatform platform = new FakePlatform("fake", true);

        f.dispatcher(platform).drain(10);

        List<FakePlatform.Post> posts = platform.posts();
        assertThat(posts).hasSize(6);
        assertThat(f.rows()).allSatisfy(r -> assertThat(r.status()).isEqualTo("done"));
        for (String ch : List.of(NEWS, SPORT)) {
            List<FakePlatform.Post> mine = posts.stream().filter(p -> p.channel().equals(ch)).toList();
            assertThat(mine.get(0).key()).endsWith("|header");
            assertThat(mine.get(0).threadParent()).isNull();
            assertThat(mine.subList(1, 3)).extracting(FakePlatform.Post::threadParent)
                    .containsOnly(mine.get(0).messageId());
        }
    }

    @Test
    @DisplayName("a rate limit holds the whole channel back until Retry-After has passed; other channels go on")
    void rateLimitHonoursRetryAfter() {
        FakePlatform platform = new FakePlatform("fake", true)
                .answer(NEWS, new DeliveryResult.RetryLater(Duration.ofSeconds(30), "429 rate_limited"));
        OutboxDispatcher dispatcher = f.dispatcher(platform);

        dispatcher.drain(10);
        List<ScheduleFixture.Row> held = f.rows().stream().filter(r -> r.channel().equals(NEWS)).toList();
        clock.advance(Duration.ofSeconds(29));
        dispatcher.drain(10);
        int postsAt29s = platform.posts().size();
        clock.advance(Duration.ofSeconds(2));
        dispatcher.drain(10);

        assertThat(held.get(0)).satisfies(r -> {
            assertThat(r.status()).isEqualTo("pending");
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(r.lastError()).isEqualTo("429 rate_limited");
            assertThat(r.nextAttemptAt()).isEqualTo("2025-09-01T08:00:30.000Z");
        });
        assertThat(postsAt29s).isEqualTo(3); // only the other channel's digest
        assertThat(platform.posts()).hasSize(6);
        assertThat(platform.posts().subList(3, 6)).extracting(FakePlatform.Post::channel).containsOnly(NEWS);
        assertThat(f.rows()).allSatisfy(r -> assertThat(r.status()).isEqualTo("done"));
    }

    @Test
    @DisplayName("server errors back off exponentially; after the last attempt the message and its thread are given up, the channel stays on")
    void serverErrorsBackOffThenGiveUp() {
        DeliveryResult error = new DeliveryResult.RetryLater(null, "503 service unavailable");
        FakePlatform platform = new FakePlatform("fake", true).answer(NEWS, error, error);
        OutboxDispatcher dispatcher = f.dispatcher(platform);

        dispatcher.drain(1);
        String first = f.rows().get(0).nextAttemptAt();
        clock.advance(Duration.ofSeconds(5));
        dispatcher.drain(1);
        String second = f.rows().get(0).nextAttemptAt();
        clock.advance(Duration.ofSeconds(10));
        platform.answer(NEWS, error, error);
        dispatcher.drain(1);
        clock.advance(Duration.ofSeconds(20));
        dispatcher.drain(1);

        assertThat(first).isEqualTo("2025-09-01T08:00:05.000Z");
        assertThat(second).isEqualTo("2025-09-01T08:00:15.000Z"); // 5 s, then 10 s
        List<ScheduleFixture.Row> news = f.rows().stream().filter(r -> r.channel().equals(NEWS)).toList();
        assertThat(news.get(0).status()).isEqualTo("dead");
        assertThat(news.get(0).lastError()).isEqualTo("gave up after 4 attempts: 503 service unavailable");
        assertThat(news.subList(1, 3)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("dead");
            assertThat(r.lastError()).startsWith("thread parent failed");
        });
        assertThat(f.channels.find(NEWS).orElseThrow().enabled()).isTrue();
    }

    @Test
    @DisplayName("a channel another instance serves (its Discord shard) is left for it: nothing sent, no attempt counted, claimable again soon")
    void channelOfAnotherInstanceIsLeftForIt() {
        FakePlatform elsewhere = new FakePlatform("fake", true).notServing(NEWS);

        f.dispatcher(elsewhere).drain(10);
        List<ScheduleFixture.Row> news = f.rows().stream().filter(r -> r.channel().equals(NEWS)).toList();
        clock.advance(Duration.ofSeconds(2));
        FakePlatform owner = new FakePlatform("fake", true);
        f.restart().dispatcher(owner).drain(10);

        assertThat(elsewhere.posts()).extracting(FakePlatform.Post::channel).containsOnly(SPORT).hasSize(3);
        assertThat(news).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("pending");
            assertThat(r.attempts()).isZero();
        });
        assertThat(news.get(0).nextAttemptAt()).isEqualTo("2025-09-01T08:00:02.000Z");
        assertThat(owner.posts()).extracting(FakePlatform.Post::channel).containsOnly(NEWS).hasSize(3);
    }

    @Test
    @DisplayName("a permanent failure disables the channel with its reason and drops its queue; other channels are untouched")
    void permanentFailureDisablesChannel() {
        FakePlatform platform = new FakePlatform("fake", true).answer(NEWS, new DeliveryResult.Permanent("channel_not_found"));

        f.dispatcher(platform).drain(10);
        clock.set(Instant.parse("2025-09-02T08:00:00Z"));
        DigestPlan next = f.digests.runDue(NEWS);

        ChannelRow news = f.channels.find(NEWS).orElseThrow();
        assertThat(news.enabled()).isFalse();
        assertThat(news.disabledReason()).isEqualTo("channel_not_found");
        assertThat(f.rows().stream().filter(r -> r.channel().equals(NEWS))).extracting(ScheduleFixture.Row::status)
                .containsOnly("dead");
        assertThat(platform.posts()).extracting(FakePlatform.Post::channel).containsOnly(SPORT).hasSize(3);
        assertThat(platform.calls()).isEqualTo(4);
        assertThat(next).isEqualTo(new DigestPlan.NotDue(Instant.MAX));
    }

    @Test
    @DisplayName("killed between building and delivering: the restart builds nothing again and posts every message once")
    void killedBeforeDelivery() {
        FakePlatform platform = new FakePlatform("fake", true);

        ScheduleFixture restarted = f.restart(); // the first process died right after queueing
        restarted.outbox.recoverInFlight();
        DigestPlan plan = restarted.digests.runDue(NEWS);
        restarted.dispatcher(platform).drain(10);

        assertThat(plan).isInstanceOf(DigestPlan.NotDue.class);
        assertThat(platform.posts()).hasSize(6);
        assertThat(platform.posts()).extracting(FakePlatform.Post::key).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("killed after the platform posted but before the outbox recorded it: the restart finds the post and does not repeat it")
    void killedMidDelivery() {
        FakePlatform platform = new FakePlatform("fake", true).dieAfterPost(3); // both headers, then the first story

        assertThatThrownBy(() -> f.dispatcher(platform).drain(10)).isInstanceOf(FakePlatform.ProcessKilled.class);
        List<ScheduleFixture.Row> atDeath = f.rows();
        ScheduleFixture restarted = f.restart();
        int recovered = restarted.outbox.recoverInFlight();
        restarted.dispatcher(platform).drain(10);

        assertThat(atDeath).extracting(ScheduleFixture.Row::status).containsExactly("done", "sending", "sending",
                "done", "sending", "sending");
        assertThat(recovered).isEqualTo(4); // the cut-off post, and three claimed but never started
        List<FakePlatform.Post> posts = platform.posts();
        assertThat(posts).hasSize(6);
        assertThat(posts).extracting(FakePlatform.Post::key).doesNotHaveDuplicates();
        ScheduleFixture.Row cutOff = restarted.rows().get(1);
        assertThat(cutOff.status()).isEqualTo("done");
        assertThat(cutOff.messageId()).isEqualTo(posts.get(2).messageId());
        assertThat(posts.get(2).key()).isEqualTo(cutOff.key());
        assertThat(posts.stream().filter(p -> p.channel().equals(NEWS) && !p.key().endsWith("header")))
                .extracting(FakePlatform.Post::threadParent).containsOnly(posts.get(0).messageId());
    }

    @Test
    @DisplayName("a dispatcher abandoned mid-batch: its claimed rows come back when the lease runs out, even without the start-up recovery")
    void abandonedBatchComesBackAfterLease() {
        FakePlatform platform = new FakePlatform("fake", true).dieAfterPost(1);
        assertThatThrownBy(() -> f.dispatcher(platform).drain(10)).isInstanceOf(FakePlatform.ProcessKilled.class);
        OutboxDispatcher other = f.restart().dispatcher(platform);

        other.drain(10);
        int beforeLease = platform.posts().size();
        clock.advance(ScheduleFixture.LEASE);
        other.drain(10);

        assertThat(beforeLease).isEqualTo(1);
        assertThat(platform.posts()).hasSize(6);
        assertThat(platform.posts()).extracting(FakePlatform.Post::key).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("a platform that cannot look posts up gets the cut-off message again: at least once, never lost")
    void noLookUpMeansAtLeastOnce() {
        FakePlatform platform = new FakePlatform("fake", false).dieAfterPost(1);
        assertThatThrownBy(() -> f.dispatcher(platform).drain(10)).isInstanceOf(FakePlatform.ProcessKilled.class);
        ScheduleFixture restarted = f.restart();
        restarted.outbox.recoverInFlight();

        restarted.dispatcher(platform).drain(10);

        List<FakePlatform.Post> posts = platform.posts();
        assertThat(count(posts, posts.get(0).key())).isEqualTo(2);
        assertThat(posts).hasSize(7);
        assertThat(restarted.rows()).allSatisfy(r -> assertThat(r.status()).isEqualTo("done"));
    }

    @Test
    @DisplayName("stopping mid-batch finishes the message in hand and hands the rest back unsent, attempts uncounted")
    void stopReleasesTheRest() {
        FakePlatform inner = new FakePlatform("fake", true);
        OutboxDispatcher[] dispatcher = new OutboxDispatcher[1];
        dev.parallax.chat.ChatPlatform stopping = new dev.parallax.chat.ChatPlatform() {
            @Override
            public String name() {
                return "fake";
            }

            @Override
            public DeliveryResult deliver(dev.parallax.chat.Delivery delivery) {
                dispatcher[0].stop(); // SIGTERM arrives while this message is being sent
                return inner.deliver(delivery);
            }
        };
        dispatcher[0] = f.dispatcher(stopping);

        int handled = dispatcher[0].drain(10);

        assertThat(handled).isEqualTo(1);
        assertThat(f.rows()).extracting(ScheduleFixture.Row::status).containsExactly("done", "pending", "pending",
                "pending", "pending", "pending");
        assertThat(f.rows().get(3).attempts()).isZero();
        f.dispatcher(inner).drain(10);
        assertThat(inner.posts()).hasSize(6).extracting(FakePlatform.Post::key).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("pruning forgets delivered messages after 30 days but keeps each channel's latest header")
    void pruneOldRows() {
        f.dispatcher(new FakePlatform("fake", true)).drain(10);

        clock.advance(Duration.ofDays(29));
        int early = f.outbox.prune(Duration.ofDays(30));
        clock.advance(Duration.ofDays(2));
        int late = f.outbox.prune(Duration.ofDays(30));

        assertThat(early).isZero();
        assertThat(late).isEqualTo(4);
        assertThat(f.rows()).extracting(ScheduleFixture.Row::kind).containsExactly("header", "header");
        assertThat(f.query("SELECT count(*) FROM channel_stories", rs -> rs.getInt(1))).containsExactly(0);
    }
}
