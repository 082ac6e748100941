package dev.parallax.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.TestApp;
import dev.parallax.chat.console.ConsoleChannel;
import dev.parallax.claims.Divergence;
import dev.parallax.digest.StoryBrief;
import dev.parallax.schedule.OutboxDispatcher;
import dev.parallax.schedule.RetryPolicy;
import dev.parallax.store.ChannelRow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The commands on the real store, with the seed articles ingested; no chat SDK anywhere. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParallaxCommandsTest {
    private static final AtomicInteger CHANNELS = new AtomicInteger();

    private SeededCommands seeded;

    @BeforeAll
    void ingestSeeds(@TempDir Path dir) {
        seeded = new SeededCommands(dir);
    }

    @AfterAll
    void close() {
        seeded.close();
    }

    // Every test speaks in a channel of its own, so channel state never leaks between tests.
    private ChannelRef freshChannel() {
        return new ChannelRef("console", "test-" + CHANNELS.incrementAndGet());
    }

    private CommandReply run(ChannelRef channel, boolean admin, String text) {
        return seeded.commands.handle(new CommandRequest(channel, "U42", admin, text));
    }

    private CommandReply member(String text) {
        return run(freshChannel(), false, text);
    }

    private static String problem(CommandReply reply) {
        assertThat(reply).isInstanceOf(CommandReply.Problem.class);
        return ((CommandReply.Problem) reply).text();
    }

    private static String message(CommandReply reply) {
        assertThat(reply).isInstanceOf(CommandReply.Message.class);
        return ((CommandReply.Message) reply).text();
    }

    @Test
    @DisplayName("help (or nothing at all) lists every subcommand, only to the caller")
    void help() {
        CommandReply reply = member("help");

        assertThat(reply.ephemeral()).isTrue();
        assertThat(message(reply)).contains(HelpText.SUBCOMMANDS.stream().filter(s -> !s.equals("help"))
                .map(s -> "/parallax " + s).toList()).contains("digest now", "schedule off", "topics clear");
        assertThat(member("")).isEqualTo(reply);
    }

    @Test
    @DisplayName("a typo gets a short problem with the command it probably meant")
    void unknownCommand() {
        assertThat(problem(member("serch putin"))).contains("\"serch\"").contains("Did you mean /parallax search?");
        assertThat(problem(member("frobnicate"))).doesNotContain("Did you mean").contains("/parallax help");
    }

    @Nested
    @DisplayName("story, claims and sources")
    class Stories {
        @Test
        @DisplayName("story <id> shows the seed story's overview, with its five outlets and the arrival-day divergence")
        void storyById() {
            CommandReply reply = member("story " + seeded.seedStory);

            assertThat(reply).isInstanceOfSatisfying(CommandReply.StoryView.class, v -> {
                assertThat(v.focus()).isEqualTo(CommandReply.Focus.OVERVIEW);
                assertThat(v.ephemeral()).isTrue();
                StoryBrief brief = v.story();
                assertThat(brief.id()).isEqualTo(seeded.seedStory);
                assertThat(brief.articles()).hasSize(5);
                assertThat(brief.headline()).isNotBlank();
                assertThat(brief.divergences()).extracting(Divergence::about).contains("day Putin arrived");
            });
        }

        @Test
        @DisplayName("story <words> finds the best-matching story; an id pasted in code quotes still works")
        void storyByWords() {
            assertThat(member("story Putin arrives Tianjin")).isInstanceOfSatisfying(CommandReply.StoryView.class,
                    v -> assertThat(v.story().id()).isEqualTo(seeded.seedStory));
            assertThat(member("story floods Brazil")).isInstanceOfSatisfying(CommandReply.StoryView.class,
                    v -> assertThat(v.story().id()).isEqualTo(seeded.floodStory));
            assertThat(member("story `" + seeded.portStory + "`")).isInstanceOfSatisfying(
                    CommandReply.StoryView.class, v -> assertThat(v.story().id()).isEqualTo(seeded.portStory));
        }

        @Test
        @DisplayName("claims and sources show the same story with their own focus")
        void claimsAndSources() {
            assertThat(member("claims " + seeded.seedStory)).isInstanceOfSatisfying(CommandReply.StoryView.class,
                    v -> assertThat(v.focus()).isEqualTo(CommandReply.Focus.CLAIMS));
            assertThat(member("sources tianjin summit")).isInstanceOfSatisfying(CommandReply.StoryView.class, v -> {
                assertThat(v.focus()).isEqualTo(CommandReply.Focus.SOURCES);
                assertThat(v.story().id()).isEqualTo(seeded.seedStory);
            });
        }

        @Test
        @DisplayName("an unknown story, or none given, is a short problem that points at search")
        void unknownStory() {
            assertThat(problem(member("story zebra marathon"))).contains("No story matches \"zebra marathon\"")
                    .contains("/parallax search zebra marathon");
            assertThat(problem(member("claims sdeadbeef"))).contains("sdeadbeef");
            assertThat(problem(member("sources"))).startsWith("Which story?").contains("/parallax sources");
        }
    }

    @Nested
    @DisplayName("search")
    class Search {
        @Test
        @DisplayName("finds stories by words over headlines and article text, best match first")
        void bestFirst() {
            CommandReply reply = member("search Tianjin");

            assertThat(reply).isInstanceOfSatisfying(CommandReply.SearchResults.class, r -> {
                assertThat(r.query()).isEqualTo("Tianjin");
                // The seed story has Tianjin in titles and all over; the shipping story mentions it once.
                assertThat(r.hits()).extracting(CommandReply.StoryHit::storyId)
                        .containsExactly(seeded.seedStory, seeded.portStory);
                assertThat(r.hits().get(0).outlets()).isEqualTo(5);
                assertThat(r.hits().get(1).snippet()).contains("Tianjin");
            });
        }

        @Test
        @DisplayName("stems words, and falls back to any word when no story has them all")
        void stemmingAndFallback() {
            assertThat(member("search flooding")).isInstanceOfSatisfying(CommandReply.SearchResults.class,
                    r -> assertThat(r.hits()).extracting(CommandReply.StoryHit::storyId)
                            .containsExactly(seeded.floodStory));
            assertThat(member("search container Putin")).isInstanceOfSatisfying(CommandReply.SearchResults.class,
                    r -> assertThat(r.hits()).extracting(CommandReply.StoryHit::storyId)
                            .containsExactlyInAnyOrder(seeded.seedStory, seeded.portStory));
        }

        @Test
        @DisplayName("query syntax typed by a user is taken as words; no words is a problem, no match an empty list")
        void hostileAndEmpty() {
            CommandReply hostile = member("search \"Tianjin* OR NEAR( body:");
            CommandReply plain = member("search tianjin or near body");
            assertThat(hostile).isInstanceOfSatisfying(CommandReply.SearchResults.class, r -> assertThat(r.hits())
                    .isNotEmpty().isEqualTo(((CommandReply.SearchResults) plain).hits()));
            assertThat(member("search qqqzzz")).isInstanceOfSatisfying(CommandReply.SearchResults.class,
                    r -> assertThat(r.hits()).isEmpty());
            assertThat(problem(member("search   "))).startsWith("Search for what?");
        }

        @Test
        @DisplayName("autocomplete suggests by id prefix and by the words being typed")
        void suggestions() {
            assertThat(seeded.commands.suggestStories(seeded.seedStory.substring(0, 4), 5))
                    .extracting(CommandReply.StoryHit::storyId).contains(seeded.seedStory);
            assertThat(seeded.commands.suggestStories("Braz", 5)).extracting(CommandReply.StoryHit::storyId)
                    .containsExactly(seeded.floodStory);
        }
    }

    @Nested
    @DisplayName("digest")
    class Digests {
        @Test
        @DisplayName("digest now is for admins; it queues a digest, and digest then shows what was posted")
        void digestNowThenLatest() {
            ChannelRef channel = freshChannel();

            assertThat(message(run(channel, false, "digest"))).startsWith("No digest has been posted");
            assertThat(problem(run(channel, false, "digest now"))).startsWith("Only admins can post a digest now");
            assertThat(message(run(channel, true, "digest now"))).isEqualTo("Posting a digest of 3 stories here now.");
            assertThat(seeded.count("SELECT count(*) FROM outbox WHERE channel_id = ? AND kind = 'story'",
                    channel.id())).isEqualTo(3);
            deliverEverything();

            assertThat(run(channel, false, "digest")).isInstanceOfSatisfying(CommandReply.DigestView.class, v -> {
                assertThat(v.title()).isEqualTo("Parallax digest: 3 stories");
                assertThat(v.ephemeral()).isTrue();
                assertThat(v.digest().stories()).extracting(StoryBrief::id)
                        .containsExactly(seeded.seedStory, seeded.floodStory, seeded.portStory);
            });
            assertThat(message(run(channel, true, "digest now"))).startsWith("No stories changed");
        }

        @Test
        @DisplayName("digest takes nothing or now")
        void badOption() {
            assertThat(problem(run(freshChannel(), true, "digest later"))).contains("digest now");
        }

        private void deliverEverything() {
            PrintWriter out = new PrintWriter(new StringWriter(), true);
            new OutboxDispatcher(seeded.outbox, seeded.channels, Map.of("console", new ConsoleChannel(out)),
                    RetryPolicy.defaults(), TestApp.CLOCK, Duration.ofMinutes(1), (kind, result) -> { }).drain(50);
        }
    }

    @Nested
    @DisplayName("schedule")
    class Schedule {
        @Test
        @DisplayName("an admin sets a time of day or a cron, with or without a zone; the scheduler hears of it")
        void setAndShow() {
            ChannelRef channel = freshChannel();

            assertThat(message(run(channel, true, "schedule 08:00 Europe/Berlin")))
                    .isEqualTo("Digests will be posted here every day at 08:00 (Europe/Berlin).");
            assertThat(row(channel).schedule()).isEqualTo("08:00");
            assertThat(message(run(channel, true, "schedule 0 18 * * 1-5")))
                    .isEqualTo("Digests will be posted here on the cron schedule 0 18 * * 1-5 (Europe/Berlin).");
            assertThat(row(channel).zone()).isEqualTo("Europe/Berlin");
            run(channel, true, "schedule 0 7 * * * America/New_York");
            assertThat(row(channel).schedule()).isEqualTo("0 7 * * *");
            assertThat(row(channel).zone()).isEqualTo("America/New_York");
            assertThat(seeded.scheduleChanges.stream().filter(channel.id()::equals)).hasSize(3);
            assertThat(message(run(channel, false, "schedule")))
                    .isEqualTo("Digests are posted here on the cron schedule 0 7 * * * (America/New_York).");
        }

        @Test
        @DisplayName("a channel whose deliveries were stopped shows why; an admin setting a schedule there turns them on again")
        void reEnables() {
            ChannelRef channel = freshChannel();
            run(channel, true, "schedule 08:00");
            seeded.channels.disable(channel.id(), "Missing Access: the bot was removed from this channel.");

            String shown = message(run(channel, false, "schedule"));
            String set = message(run(channel, true, "schedule 09:00 Europe/Paris"));
            String again = message(run(channel, true, "schedule 10:00"));

            assertThat(shown).isEqualTo("Digests are posted here every day at 08:00 (UTC). Deliveries to this channel"
                    + " are stopped: Missing Access: the bot was removed from this channel. An admin setting a schedule"
                    + " here turns them on again.");
            assertThat(set).isEqualTo("Digests will be posted here every day at 09:00 (Europe/Paris). Deliveries to"
                    + " this channel had been stopped (Missing Access: the bot was removed from this channel) and are"
                    + " on again.");
            assertThat(again).isEqualTo("Digests will be posted here every day at 10:00 (Europe/Paris).");
            assertThat(row(channel).enabled()).isTrue();
            assertThat(row(channel).disabledReason()).isNull();
            assertThat(message(run(channel, false, "schedule"))).doesNotContain("stopped");
        }

        @Test
        @DisplayName("schedule off stops scheduled digests")
        void off() {
            ChannelRef channel = freshChannel();
            run(channel, true, "schedule 09:30");

            assertThat(message(run(channel, true, "schedule off"))).startsWith("Scheduled digests are off");
            assertThat(row(channel).schedule()).isNull();
            assertThat(message(run(channel, false, "schedule"))).startsWith("This channel has no digest schedule");
        }

        @Test
        @DisplayName("a bad time, cron or zone is a short problem with examples, and nothing changes")
        void badInput() {
            ChannelRef channel = freshChannel();
            run(channel, true, "schedule 08:00 UTC");

            assertThat(problem(run(channel, true, "schedule 25:00"))).contains("HH:MM").contains("schedule 08:00");
            assertThat(problem(run(channel, true, "schedule 08:00 Mars/Olympus_Mons")))
                    .startsWith("Unknown time zone \"Mars/Olympus_Mons\"");
            assertThat(problem(run(channel, true, "schedule 61 8 * * *"))).startsWith("Invalid cron expression");
            assertThat(problem(run(channel, true, "schedule 0 8 * * 1-5 UTC extra"))).startsWith("A cron schedule has 5");
            assertThat(problem(run(channel, true, "schedule 08:00 UTC extra"))).startsWith("After the time");
            assertThat(row(channel).schedule()).isEqualTo("08:00");
            assertThat(row(channel).zone()).isEqualTo("UTC");
        }

        @Test
        @DisplayName("changing the schedule needs an admin")
        void notAdmin() {
            ChannelRef channel = freshChannel();

            assertThat(problem(run(channel, false, "schedule 08:00"))).startsWith("Only admins can change this"
                    + " channel's schedule");
            assertThat(problem(run(channel, false, "schedule off"))).startsWith("Only admins");
        }
    }

    @Nested
    @DisplayName("topics")
    class Topics {
        @Test
        @DisplayName("include and exclude each replace their own list; clear removes both")
        void includeExcludeClear() {
            ChannelRef channel = freshChannel();

            assertThat(message(run(channel, false, "topics"))).startsWith("No topic filters");
            run(channel, true, "topics include Climate, energy climate");
            run(channel, true, "topics exclude sport");
            assertThat(row(channel).include()).containsExactly("climate", "energy");
            assertThat(row(channel).exclude()).containsExactly("sport");
            assertThat(message(run(channel, false, "topics"))).isEqualTo("Only stories that mention one of these go"
                    + " into this channel's digest: climate, energy. Stories that mention any of these are left out:"
                    + " sport.");
            run(channel, true, "topics clear");
            assertThat(row(channel).include()).isEmpty();
            assertThat(row(channel).exclude()).isEmpty();
        }

        @Test
        @DisplayName("an unknown option or a non-admin gets a problem")
        void problems() {
            ChannelRef channel = freshChannel();

            assertThat(problem(run(channel, true, "topics only sport"))).startsWith("topics takes include, exclude");
            assertThat(problem(run(channel, false, "topics include sport"))).startsWith("Only admins");
        }
    }

    @Nested
    @DisplayName("feeds")
    class Feeds {
        @Test
        @DisplayName("subscribe, list, unsubscribe: a normalised URL, stored once as a polled feed source")
        void roundTrip() {
            ChannelRef channel = freshChannel();

            assertThat(message(run(channel, false, "feeds"))).startsWith("This channel follows no feeds yet");
            assertThat(message(run(channel, true, "subscribe <HTTPS://WWW.Example.com:443/news/feed.xml#top>")))
                    .isEqualTo("This channel now follows https://www.example.com/news/feed.xml; its digest holds"
                            + " only the stories its feeds cover.");
            assertThat(message(run(channel, true, "subscribe https://www.example.com/news/feed.xml")))
                    .startsWith("This channel already follows");
            run(channel, true, "subscribe http://feeds.example.org/world.rss");
            assertThat(message(run(channel, false, "feeds"))).isEqualTo(String.join("\n",
                    "This channel follows 2 feeds:",
                    "1. www.example.com: https://www.example.com/news/feed.xml",
                    "2. feeds.example.org: http://feeds.example.org/world.rss",
                    "To stop one: /parallax unsubscribe <number>"));
            assertThat(seeded.count("SELECT count(*) FROM sources WHERE kind = 'feed' AND location = ?",
                    "https://www.example.com/news/feed.xml")).isEqualTo(1);
            assertThat(seeded.count("SELECT count(*) FROM source_polls p JOIN sources s ON s.id = p.source_id"
                    + " WHERE s.location = ? AND p.disabled_reason IS NULL", "https://www.example.com/news/feed.xml"))
                    .isEqualTo(1);

            assertThat(message(run(channel, true, "unsubscribe 1")))
                    .isEqualTo("This channel no longer follows https://www.example.com/news/feed.xml.");
            assertThat(message(run(channel, true, "unsubscribe http://feeds.example.org/world.rss")))
                    .isEqualTo("This channel no longer follows http://feeds.example.org/world.rss. It follows no"
                            + " feeds now, so its digest holds every story again.");
            assertThat(seeded.count("SELECT count(*) FROM channel_sources WHERE channel_id = ?", channel.id()))
                    .isZero();
            // The feeds stay polled: the operator or another channel may want them (sources remove stops one).
            assertThat(seeded.count("SELECT count(*) FROM source_polls p JOIN sources s ON s.id = p.source_id"
                    + " WHERE s.location IN (?, ?)", "https://www.example.com/news/feed.xml",
                    "http://feeds.example.org/world.rss")).isEqualTo(2);
        }

        @Test
        @DisplayName("a bad, internal or unknown address is a problem that says what is wrong, and nothing is stored")
        void badUrls() {
            ChannelRef channel = freshChannel();
            int polledBefore = seeded.count("SELECT count(*) FROM source_polls");

            assertThat(problem(run(channel, true, "subscribe ftp://example.com/feed")))
                    .startsWith("That feed address will not work: only http and https");
            assertThat(problem(run(channel, true, "subscribe example.com/feed"))).contains("https://");
            assertThat(problem(run(channel, true, "subscribe http://127.0.0.1:8080/feed")))
                    .startsWith("That feed address will not work: 127.0.0.1 resolves to a loopback address");
            assertThat(problem(run(channel, true, "subscribe https://intranet.example/feed.xml")))
                    .contains("resolves to a private address 10.1.2.3");
            assertThat(problem(run(channel, true, "subscribe https://no-such-host.example/feed.xml")))
                    .isEqualTo("That feed address will not work: unknown host no-such-host.example.");
            assertThat(problem(run(channel, true, "subscribe https://user:pw@example.com/feed"))).contains("password");
            assertThat(problem(run(channel, true, "subscribe https://exa mple.com/"))).contains("one word");
            assertThat(problem(run(channel, true, "subscribe"))).startsWith("Subscribe to which feed?");
            assertThat(seeded.count("SELECT count(*) FROM channel_sources WHERE channel_id = ?", channel.id()))
                    .isZero();
            assertThat(seeded.count("SELECT count(*) FROM source_polls")).isEqualTo(polledBefore);
        }

        @Test
        @DisplayName("a home page stands for the one feed the channel follows on its site, not for two, nor a deeper page")
        void unsubscribeByHomePage() {
            ChannelRef channel = freshChannel();
            run(channel, true, "subscribe https://www.example.com/news/feed.xml");
            run(channel, true, "subscribe http://feeds.example.org/world.rss");
            run(channel, true, "subscribe http://feeds.example.org/sport.rss");

            assertThat(problem(run(channel, true, "unsubscribe https://example.com/sport.xml")))
                    .contains("does not follow \"https://example.com/sport.xml\"");
            assertThat(problem(run(channel, true, "unsubscribe http://feeds.example.org/")))
                    .contains("does not follow");
            assertThat(message(run(channel, true, "unsubscribe https://example.com/")))
                    .isEqualTo("This channel no longer follows https://www.example.com/news/feed.xml.");
            assertThat(message(run(channel, false, "feeds"))).doesNotContain("www.example.com")
                    .contains("world.rss").contains("sport.rss");
        }

        @Test
        @DisplayName("unsubscribing from a feed the channel does not follow, or as a member, is a problem")
        void unsubscribeProblems() {
            ChannelRef channel = freshChannel();
            run(channel, true, "subscribe https://example.net/rss");

            assertThat(problem(run(channel, true, "unsubscribe 2"))).contains("does not follow \"2\"");
            assertThat(problem(run(channel, false, "unsubscribe 1"))).startsWith("Only admins");
            assertThat(problem(run(channel, false, "subscribe https://example.net/other"))).startsWith("Only admins");
        }
    }

    private ChannelRow row(ChannelRef channel) {
        return seeded.channels.find(channel.id()).orElseThrow();
    }
}
