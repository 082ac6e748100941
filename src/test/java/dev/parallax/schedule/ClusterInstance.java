package dev.parallax.schedule;

import dev.parallax.chat.ChatPlatform;
import dev.parallax.digest.BriefCache;
import dev.parallax.digest.DigestService;
import dev.parallax.store.ArticleStore;
import dev.parallax.store.ChannelStore;
import dev.parallax.store.ClaimStore;
import dev.parallax.store.Database;
import dev.parallax.store.OutboxStore;
import dev.parallax.store.StoryStore;
import dev.parallax.store.SubscriptionStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One Parallax instance of a cluster, in process: its own pool on the shared PostgreSQL database,
 * its own stores and services, a clustered Quartz scheduler with its own instance id, delivering
 * to the one (shared) fake platform. It records the jobs it ran and the digests it built.
 */
final class ClusterInstance {
    static final Duration CHECKIN = Duration.ofSeconds(1);
    static final Duration LEASE = Duration.ofSeconds(3);

    final String id;
    final Database db;
    final FreezableClock clock = new FreezableClock();
    final ParallaxScheduler scheduler;
    /** "digest:channel" (or "poll:null") for every job this instance ran to its end. */
    final List<String> runs = new CopyOnWriteArrayList<>();
    final List<ChannelDigestService.Built> built = new CopyOnWriteArrayList<>();

    ClusterInstance(String id, Database db, ChatPlatform platform, Consumer<ClusterInstance> afterBuild) {
        this.id = id;
        this.db = db;
        StoryStore stories = new StoryStore(db, clock);
        ChannelStore channels = new ChannelStore(db, clock);
        OutboxStore outbox = new OutboxStore(db, clock);
        DigestService digestService = new DigestService(new ArticleStore(db, clock), stories, new ClaimStore(db),
                ScheduleFixture.ANALYZER);
        ChannelDigestService digests = new ChannelDigestService(channels, stories, new SubscriptionStore(db, clock), outbox,
                new BriefCache(stories, digestService, 100), new DigestPlanner(clock, ScheduleFixture.GRACE), clock,
                Duration.ofHours(24), b -> {
                    built.add(b);
                    afterBuild.accept(this);
                });
        OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, channels, Map.of(platform.name(), platform),
                ScheduleFixture.RETRY, clock, LEASE, (kind, result) -> { });
        scheduler = new ParallaxScheduler(digests, dispatcher, () -> SourcePoller.PollReport.NOTHING, channels, outbox,
                clock, new ParallaxScheduler.Intervals(Duration.ofHours(1), Duration.ofMillis(200), 10),
                Set.of(platform.name()), new QuartzStore.Clustered(db.dataSource(), id, CHECKIN));
        scheduler.onJobRun((job, channel) -> runs.add(job + ":" + channel));
    }

    long digestRuns(String channel) {
        return runs.stream().filter(r -> r.equals("digest:" + channel)).count();
    }
}
