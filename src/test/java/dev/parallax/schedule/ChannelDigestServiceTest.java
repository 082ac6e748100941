package dev.parallax.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.parallax.MutableClock;
import dev.parallax.Seeds;
import dev.parallax.chat.Delivery;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ChannelDigestServiceTest {
    private static final String NEWS = "fake:news";
    private static final String DAY1 = "2025-09-01T08:00:00Z";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-09-01T06:00:00Z"));
    private final DeliveryCodec codec = new DeliveryCodec();

    private ScheduleFixture fixture() {
        return new ScheduleFixture(dir, clock);
    }

    private static void declare(ScheduleFixture f, String id, String schedule, String zone, List<String> include,
                                List<String> exclude) {
        f.channels.declare(id, "fake", id.substring(5), schedule, zone, include, exclude);
    }

    private Delivery.DigestHeader header(ScheduleFixture.Row row) {
        return (Delivery.DigestHeader) codec.decode(row.kind(), row.payload());
    }

    @Test
    @DisplayName("the first digest: a header listing the day's stories, each story its own message in the header's thread")
    void firstDigest() {
        ScheduleFixture f = fixture();
        f.addSeeds("000", "001", "003");
        f.addArticle("900_floods.txt", Seeds.UNRELATED_ARTICLE);
        declare(f, NEWS, "08:00", "UTC", List.of(), List.of());
        clock.set(Instant.parse(DAY1).plusSeconds(5));

        DigestPlan plan = f.digests.runDue(NEWS);
        DigestPlan again = f.digests.runDue(NEWS);

        assertThat(plan).isEqualTo(new DigestPlan.Due(Instant.parse(DAY1), Duration.ofSeconds(5), Instant.parse(DAY1)));
        assertThat(again).isEqualTo(new DigestPlan.NotDue(Instant.parse("2025-09-02T08:00:00Z")));
        List<ScheduleFixture.Row> rows = f.rows();
        assertThat(rows).extracting(ScheduleFixture.Row::kind).containsExactly("header", "story", "story");
        ScheduleFixture.Row head = rows.get(0);
        assertThat(head.key()).isEqualTo(NEWS + "|" + DAY1 + "|header");
        assertThat(rows.subList(1, 3)).extracting(ScheduleFixture.Row::parentKey).containsOnly(head.key());
        Delivery.DigestHeader h = header(head);
        assertThat(h.title()).isEqualTo("Parallax digest: 2 stories");
        assertThat(h.stories()).extracting(Delivery.StoryLine::outlets).containsExactly(3, 1);
        Delivery.Story story = (Delivery.Story) codec.decode("story", rows.get(1).payload());
        assertThat(story.brief().id()).isEqualTo(h.stories().get(0).storyId());
        assertThat(story.brief().articles()).allSatisfy(a -> assertThat(a.body()).isEmpty());
        assertThat(story.brief().divergences()).isNotEmpty();
    }

    @Test
    @DisplayName("later digests cover only what is new or changed since the last one; nothing new posts nothing")
    void coversWhatChanged() {
        ScheduleFixture f = fixture();
        f.addSeeds("000", "001", "003");
        declare(f, NEWS, "08:00", "UTC", List.of(), List.of());
        clock.set(Instant.parse(DAY1));
        f.digests.runDue(NEWS);
        int afterDay1 = f.rows().size();

        clock.set(Instant.parse("2025-09-02T08:00:00Z"));
        f.digests.runDue(NEWS);
        int afterDay2 = f.rows().size();
        clock.set(Instant.parse("2025-09-02T12:00:00Z"));
        f.addArticle("900_floods.txt", Seeds.UNRELATED_ARTICLE);
        clock.set(Instant.parse("2025-09-03T08:00:00Z"));
        f.digests.runDue(NEWS);

        assertThat(afterDay1).isEqualTo(2);
        assertThat(afterDay2).isEqualTo(afterDay1);
        assertThat(f.built).extracting(ChannelDigestService.Built::stories).containsExactly(1, 0, 1);
        List<ScheduleFixture.Row> day3 = f.rows().subList(afterDay2, f.rows().size());
        assertThat(day3).extracting(ScheduleFixture.Row::kind).containsExactly("header", "story");
        assertThat(header(day3.get(0)).stories()).singleElement()
                .satisfies(line -> assertThat(line.headline()).containsIgnoringCase("flood"));
    }

    @Test
    @DisplayName("a story that gains outlets gets one follow-up in its own thread, not one per article, and only once")
    void followUpOncePerChange() {
        ScheduleFixture f = fixture();
        FakePlatform platform = new FakePlatform("fake", true);
        f.addSeeds("000", "001");
        declare(f, NEWS, "08:00", "UTC", List.of(), List.of());
        clock.set(Instant.parse(DAY1));
        f.digests.runDue(NEWS);
        f.dispatcher(platform).drain(10);
        String storyKey = f.rows("story").get(0).key();

        clock.set(Instant.parse("2025-09-01T15:00:00Z"));
        f.addSeeds("003", "004");
        clock.set(Instant.parse("2025-09-02T08:00:00Z"));
        f.digests.runDue(NEWS);
        f.dispatcher(platform).drain(10);
        clock.set(Instant.parse("2025-09-03T08:00:00Z"));
        f.digests.runDue(NEWS);

        assertThat(f.rows("story")).hasSize(1);
        assertThat(f.rows("header")).hasSize(1);
        ScheduleFixture.Row followUp = f.rows("followup").stream().collect(java.util.stream.Collectors.collectingAndThen(
                java.util.stream.Collectors.toList(), l -> { assertThat(l).hasSize(1); return l.get(0); }));
        assertThat(followUp.parentKey()).isEqualTo(storyKey);
        assertThat(followUp.key()).isEqualTo(NEWS + "|2025-09-02T08:00:00Z|followup|"
                + f.rows("story").get(0).key().substring(f.rows("story").get(0).key().lastIndexOf('|') + 1));
        Delivery.FollowUp content = (Delivery.FollowUp) codec.decode("followup", followUp.payload());
        assertThat(content.text()).startsWith("Update on \"").contains("2 new outlets: 003_39b290ac2c380dd3, 004_09d4fba5f342163e");
        assertThat(f.built).extracting(ChannelDigestService.Built::followUps).containsExactly(0, 1, 0);
        List<FakePlatform.Post> posts = platform.posts();
        assertThat(posts).hasSize(3);
        assertThat(posts.get(2).content()).isInstanceOf(Delivery.FollowUp.class);
        assertThat(posts.get(2).threadParent()).isEqualTo(posts.get(1).messageId()); // in the story's own thread
    }

    @Test
    @DisplayName("subscriptions: a channel that follows feeds gets the stories with an article from one of them"
            + " (stored from it or seen through it), with all their outlets; one that follows none gets every story")
    void subscriptionsNarrowTheDigest() {
        ScheduleFixture f = fixture();
        f.addSeeds("000", "001", "003");
        f.addArticle("800_transfer.txt", TRANSFER_ARTICLE);
        f.addArticleTo("wire", "900_floods.txt", Seeds.UNRELATED_ARTICLE);
        // The wire also carries an exact copy of one seed article: stored once, seen through the wire too.
        f.addArticleTo("wire", "000_copy.txt", Seeds.read("000"));
        declare(f, "fake:wire", "08:00", "UTC", List.of(), List.of());
        declare(f, "fake:inbox", "08:00", "UTC", List.of(), List.of());
        declare(f, "fake:all", "08:00", "UTC", List.of(), List.of());
        f.subscriptions.subscribe("fake:wire", "fake", "wire", f.sourceOf("wire"), "U1");
        f.subscriptions.subscribe("fake:inbox", "fake", "inbox", f.sourceOf("inbox"), "U1");
        clock.set(Instant.parse(DAY1));

        for (String ch : List.of("fake:wire", "fake:inbox", "fake:all")) {
            f.digests.runDue(ch);
        }

        assertThat(f.built).extracting(b -> b.channelId() + "=" + b.stories())
                .containsExactly("fake:wire=2", "fake:inbox=2", "fake:all=3");
        Delivery.DigestHeader wire = header(f.rows("header").get(0));
        assertThat(wire.stories()).extracting(Delivery.StoryLine::headline)
                .anySatisfy(h -> assertThat(h).containsIgnoringCase("putin"))
                .anySatisfy(h -> assertThat(h).containsIgnoringCase("flood"))
                .noneSatisfy(h -> assertThat(h).containsIgnoringCase("striker"));
        assertThat(wire.stories()).extracting(Delivery.StoryLine::outlets).containsExactly(3, 1);
        Delivery.DigestHeader inbox = header(f.rows("header").get(1));
        assertThat(inbox.stories()).extracting(Delivery.StoryLine::headline)
                .noneSatisfy(h -> assertThat(h).containsIgnoringCase("flood"));
    }

    private static final String TRANSFER_ARTICLE = """
            Striker joins Lisbon club in record transfer

            The Uruguayan striker signed a five-year contract with the Lisbon club on Monday after passing a medical,
            the club said, in a deal worth a record fee for the Portuguese league.
            The forward scored 31 goals last season and had been chased by three clubs in England and Spain.
            Supporters gathered outside the stadium to greet him, and the coach said he would start on Saturday.
            """;

    @Test
    @DisplayName("topic filters: include keeps only stories that mention a topic, exclude drops those that do")
    void topicFilters() {
        ScheduleFixture f = fixture();
        f.addSeeds("000", "001", "003");
        f.addArticle("900_floods.txt", Seeds.UNRELATED_ARTICLE);
        declare(f, "fake:all", "08:00", "UTC", List.of(), List.of());
        declare(f, "fake:floods", "08:00", "UTC", List.of("floods"), List.of());
        declare(f, "fake:noputin", "08:00", "UTC", List.of(), List.of("Putin"));
        declare(f, "fake:russia", "08:00", "UTC", List.of("russia*"), List.of());
        declare(f, "fake:nothing", "08:00", "UTC", List.of("cricket"), List.of());
        clock.set(Instant.parse(DAY1));

        for (String ch : List.of("fake:all", "fake:floods", "fake:noputin", "fake:russia", "fake:nothing")) {
            f.digests.runDue(ch);
        }

        assertThat(f.built).extracting(b -> b.channelId() + "=" + b.stories())
                .containsExactly("fake:all=2", "fake:floods=1", "fake:noputin=1", "fake:russia=1", "fake:nothing=0");
        List<String> headlines = f.rows("header").stream().filter(r -> !r.channel().equals("fake:all"))
                .map(r -> header(r).stories().get(0).headline()).toList();
        assertThat(headlines.get(0)).containsIgnoringCase("flood");
        assertThat(headlines.get(1)).containsIgnoringCase("flood");
        assertThat(headlines.get(2)).containsIgnoringCase("putin");
    }

    @Test
    @DisplayName("start-up catch-up: a digest missed by 2 h is sent once; one missed by 7 h is skipped and logged, its stories kept for the next")
    void catchUpAndSkip() {
        ScheduleFixture f = fixture();
        f.addSeeds("000", "001");
        declare(f, NEWS, "08:00", "UTC", List.of(), List.of());
        clock.set(Instant.parse(DAY1));
        f.digests.runDue(NEWS);

        clock.set(Instant.parse("2025-09-02T10:00:00Z")); // process was down from 07:00 to 10:00
        f.addArticle("900_floods.txt", Seeds.UNRELATED_ARTICLE);
        ScheduleFixture restarted = f.restart();
        DigestPlan caughtUp = restarted.digests.runDue(NEWS);
        DigestPlan twice = restarted.digests.runDue(NEWS);

        clock.set(Instant.parse("2025-09-03T06:00:00Z"));
        restarted.addSeeds("003");
        clock.set(Instant.parse("2025-09-03T15:00:00Z")); // down from 06:00 to 15:00: 7 h late
        ScheduleFixture again = restarted.restart();
        ListAppender<ILoggingEvent> log = capture();
        int rowsBefore = again.rows().size();
        DigestPlan skipped = again.digests.runDue(NEWS);
        clock.set(Instant.parse("2025-09-04T08:00:00Z"));
        DigestPlan nextDay = again.digests.runDue(NEWS);

        assertThat(caughtUp).isInstanceOf(DigestPlan.Due.class);
        assertThat(((DigestPlan.Due) caughtUp).late()).isEqualTo(Duration.ofHours(2));
        assertThat(twice).isInstanceOf(DigestPlan.NotDue.class);
        assertThat(skipped).isEqualTo(new DigestPlan.Skip(Instant.parse("2025-09-03T08:00:00Z"),
                Instant.parse("2025-09-03T15:00:00Z"), Duration.ofHours(7)));
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).anyMatch(m -> m.contains("channel=fake:news")
                && m.contains("period=2025-09-03T08:00:00Z") && m.contains("skipped"));
        assertThat(rowsBefore).isEqualTo(4);
        assertThat(nextDay).isInstanceOf(DigestPlan.Due.class);
        assertThat(again.rows().subList(rowsBefore, again.rows().size())).extracting(ScheduleFixture.Row::kind)
                .containsExactly("followup"); // the article that came before the skipped digest still shows
    }

    @Test
    @DisplayName("across DST changes in London and New York, a daily 01:30 digest (time of day or cron) is built exactly once per local day")
    void dstOncePerDay() {
        ScheduleFixture f = fixture();
        record Case(String id, String schedule, String zone, String from) {
        }
        List<Case> cases = List.of(
                new Case("fake:london-spring", "01:30", "Europe/London", "2025-03-28T00:00:00Z"),
                new Case("fake:london-fall", "30 1 * * *", "Europe/London", "2025-10-24T00:00:00Z"),
                new Case("fake:ny-spring", "30 1 * * *", "America/New_York", "2025-03-07T12:00:00Z"),
                new Case("fake:ny-fall", "01:30", "America/New_York", "2025-10-31T12:00:00Z"));
        for (Case c : cases) {
            clock.set(Instant.parse(c.from()));
            declare(f, c.id(), c.schedule(), c.zone(), List.of(), List.of());
            // A trigger wakes the channel every 20 minutes for five days.
            for (int step = 0; step < 5 * 72; step++) {
                clock.advance(Duration.ofMinutes(20));
                f.digests.runDue(c.id());
            }
            List<Instant> periods = f.built.stream().filter(b -> b.channelId().equals(c.id()))
                    .map(ChannelDigestService.Built::period).toList();
            ZoneId zone = ZoneId.of(c.zone());

            assertThat(periods).as(c.id()).hasSize(5);
            assertThat(periods).extracting(p -> p.atZone(zone).toLocalDate()).as(c.id()).doesNotHaveDuplicates();
            assertThat(periods).extracting(p -> p.atZone(zone).toLocalTime().toString()).as(c.id())
                    .allMatch(t -> t.equals("01:30") || t.equals("02:30"));
        }
    }

    private static ListAppender<ILoggingEvent> capture() {
        Logger logger = (Logger) LoggerFactory.getLogger(ChannelDigestService.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        return appender;
    }
}
