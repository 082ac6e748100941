package dev.parallax.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.chat.CommandReply;
import dev.parallax.chat.Delivery;
import dev.parallax.chat.discord.DiscordMessage.Button;
import dev.parallax.chat.discord.DiscordMessage.Embed;
import dev.parallax.chat.discord.DiscordMessage.Field;
import dev.parallax.claims.Agreement;
import dev.parallax.claims.Divergence;
import dev.parallax.digest.Digest;
import dev.parallax.digest.StoryBrief;
import dev.parallax.model.Article;
import dev.parallax.summarize.SummarySentence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DiscordRendererTest {
    private final DiscordRenderer renderer = new DiscordRenderer();

    // Worked example: two outlets, one divergence (the arrival day), one agreement (four days), and one
    // claim only TASS makes (40 delegates), which is never shown as an agreement.
    private static final Article REUTERS = new Article("a1", "Reuters", "Putin lands in Tianjin",
            "https://example.com/r", Instant.parse("2025-08-31T07:00:00Z"), "");
    private static final Article TASS = new Article("a2", "TASS", "Putin arrives in China", "file:/seeds/2.txt",
            null, "");
    private static final StoryBrief STORY = new StoryBrief("s1", "Putin in *Tianjin*", List.of(REUTERS, TASS),
            List.of(new SummarySentence("Putin arrived in Tianjin for the summit.", List.of("a1", "a2"))),
            List.of(new Agreement("length of the visit", "4 days", List.of("a1", "a2"),
                    List.of("a four-day visit", "four days")),
                    new Agreement("number of delegates", "40 delegates", List.of("a2"),
                            List.of("He brought 40 delegates."))),
            List.of(new Divergence("day Putin arrived", List.of(
                    new Divergence.Side("Sunday", List.of("a1"), List.of("He arrived on Sunday.")),
                    new Divergence.Side("Thursday", List.of("a2"), List.of("He landed on Thursday."))))));

    @Test
    @DisplayName("a story in its thread: summary, divergences with a quote per side, agreements, single-source"
            + " claims apart, sources, two buttons")
    void fullStory() {
        List<DiscordMessage> messages = renderer.delivery(new Delivery.Story(STORY));

        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.embeds()).containsExactly(
                    new Embed("Putin in \\*Tianjin\\*", "• Putin arrived in Tianjin for the summit. [1][2]\n\n"
                            + "Story `s1` · 2 outlets · 1 divergence", List.of()),
                    new Embed("Where sources differ", "", List.of(new Field("Day Putin arrived",
                            "• **Sunday** [1]: “He arrived on Sunday.”\n• **Thursday** [2]: “He landed on Thursday.”"))),
                    new Embed("Sources agree", "• Length of the visit: **4 days** (2 sources) [1][2]", List.of()),
                    new Embed("Only one source says", "• Number of delegates: **40 delegates** [2]", List.of()),
                    new Embed("Sources", "[1] **Reuters** — [Putin lands in Tianjin](https://example.com/r) · "
                            + "<t:1756623600:f>\n[2] **TASS** — Putin arrives in China", List.of()));
            assertThat(m.buttons()).containsExactly(new Button("parallax:claims|s1", "Where sources differ"),
                    new Button("parallax:sources|s1", "Sources"));
            assertThat(m.content()).isEmpty();
        });
    }

    @Test
    @DisplayName("'claims' shows every side's quotes with its outlet, linked where the outlet has a web address")
    void claimsView() {
        List<DiscordMessage> messages = renderer.reply(new CommandReply.StoryView(STORY, CommandReply.Focus.CLAIMS,
                true));

        Embed differ = messages.get(0).embeds().get(1);
        assertThat(differ.fields()).containsExactly(new Field("Day Putin arrived",
                "• **Sunday** [1]\n> “He arrived on Sunday.” — [Reuters](https://example.com/r)\n"
                        + "• **Thursday** [2]\n> “He landed on Thursday.” — TASS"));
        assertThat(messages.get(0).embeds().get(2).description())
                .isEqualTo("• Length of the visit: **4 days** (2 sources) [1][2]\n> “a four-day visit”");
        assertThat(messages.get(0).embeds().get(3)).isEqualTo(new Embed("Only one source says",
                "• Number of delegates: **40 delegates** [2] — TASS", List.of()));
        assertThat(messages.get(0).buttons()).isEmpty();
    }

    @Test
    @DisplayName("single-source claims never count as agreements: a thread shows five and a count, 'claims' all of them")
    void singleSourceClaimsApart() {
        List<Agreement> claims = new ArrayList<>(List.of(STORY.agreements().get(0)));
        for (int i = 1; i <= 7; i++) {
            claims.add(new Agreement("claim " + i, "value " + i, List.of("a1"), List.of("q" + i)));
        }
        StoryBrief many = new StoryBrief(STORY.id(), STORY.headline(), STORY.articles(), STORY.summary(), claims,
                STORY.divergences());

        List<Embed> thread = renderer.delivery(new Delivery.Story(many)).get(0).embeds();
        List<Embed> detail = renderer.reply(new CommandReply.StoryView(many, CommandReply.Focus.CLAIMS, true)).get(0)
                .embeds();

        assertThat(thread).filteredOn(e -> e.title().equals("Sources agree")).singleElement()
                .extracting(Embed::description).isEqualTo("• Length of the visit: **4 days** (2 sources) [1][2]");
        assertThat(thread).filteredOn(e -> e.title().equals("Only one source says")).singleElement()
                .extracting(Embed::description).isEqualTo("• Claim 1: **value 1** [1]\n• Claim 2: **value 2** [1]\n"
                        + "• Claim 3: **value 3** [1]\n• Claim 4: **value 4** [1]\n• Claim 5: **value 5** [1]\n"
                        + "• … and 2 more");
        assertThat(detail).filteredOn(e -> e.title().equals("Only one source says")).singleElement()
                .extracting(Embed::description).asString()
                .contains("• Claim 7: **value 7** [1] — [Reuters](https://example.com/r)").doesNotContain("more");
    }

    @Test
    @DisplayName("'story' gives the overview: divergence values without quotes, and a timeline in readers' time zones")
    void overview() {
        List<Embed> embeds = renderer.reply(new CommandReply.StoryView(STORY, CommandReply.Focus.OVERVIEW, false))
                .get(0).embeds();

        assertThat(embeds).extracting(Embed::title).containsExactly("Putin in \\*Tianjin\\*", "Where sources differ",
                "Timeline");
        assertThat(embeds.get(1).fields().get(0).value()).isEqualTo("• **Sunday** [1]\n• **Thursday** [2]");
        assertThat(embeds.get(2).description()).isEqualTo(
                "<t:1756623600:f> — **Reuters** — [Putin lands in Tianjin](https://example.com/r) [1]\n"
                        + "time unknown — **TASS** — Putin arrives in China [2]");
    }

    @Test
    @DisplayName("the digest header lists each story with its outlets, divergences and id")
    void header() {
        List<DiscordMessage> messages = renderer.delivery(new Delivery.DigestHeader("Parallax digest: 2 stories",
                List.of(new Delivery.StoryLine("s1", "Putin in Tianjin", 2, 1),
                        new Delivery.StoryLine("s2", "Floods in *Brazil*", 1, 0))));

        assertThat(messages).singleElement().satisfies(m -> assertThat(m.embeds()).containsExactly(
                new Embed("Parallax digest: 2 stories", "**1. Putin in Tianjin** · 2 outlets · 1 divergence · `s1`\n"
                        + "**2. Floods in \\*Brazil\\*** · 1 outlet · `s2`", List.of())));
    }

    @Test
    @DisplayName("text from outside is escaped: no bold, links or quotes sneak in; mentions stay text (pings are off in JdaMessages)")
    void escapes() {
        List<DiscordMessage> messages = DiscordRenderer.text("> @everyone look at **this** [link](https://x.y) _now_");

        assertThat(messages).singleElement().satisfies(m -> assertThat(m.content()).isEqualTo(
                "\\> @everyone look at \\*\\*this\\*\\* \\[link\\](https://x.y) \\_now\\_"));
    }

    @Test
    @DisplayName("a long follow-up becomes several 2,000-char messages that add up to the whole text")
    void longFollowUp() {
        String text = "Update on the summit: " + "a new outlet reports twenty leaders. ".repeat(120);

        List<DiscordMessage> messages = renderer.delivery(new Delivery.FollowUp("s1", text));

        assertThat(messages).hasSize(3).allSatisfy(m -> {
            assertThat(m.content().length()).isLessThanOrEqualTo(2000);
            assertThat(m.embeds()).isEmpty();
        });
        assertThat(messages.stream().map(DiscordMessage::content).collect(Collectors.joining(" ")))
                .isEqualTo(text.strip());
    }

    @Test
    @DisplayName("a divergence too long for one field goes on in continued fields, every side kept whole")
    void hugeDivergenceIsNeverCut() {
        List<Divergence.Side> sides = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sides.add(new Divergence.Side("value " + i, List.of("a1"), List.of("quote " + i + " " + "q".repeat(150))));
        }
        StoryBrief story = new StoryBrief("s9", "Many values", List.of(REUTERS), List.of(), List.of(),
                List.of(new Divergence("number of leaders", sides)));

        List<Field> fields = renderer.delivery(new Delivery.Story(story)).stream()
                .flatMap(m -> m.embeds().stream()).flatMap(e -> e.fields().stream()).toList();

        assertThat(fields.size()).isGreaterThan(1);
        assertThat(fields.get(0).name()).isEqualTo("Number of leaders");
        assertThat(fields.subList(1, fields.size())).allSatisfy(f -> assertThat(f.name())
                .isEqualTo("Number of leaders (continued)"));
        String all = fields.stream().map(Field::value).collect(Collectors.joining("\n"));
        for (int i = 0; i < 12; i++) {
            assertThat(all).contains("• **value " + i + "** [1]: “quote " + i + " " + "q".repeat(150) + "”");
        }
    }

    @Test
    @DisplayName("search results list hits best first; no hit is a short helpful line")
    void search() {
        List<DiscordMessage> hits = renderer.reply(new CommandReply.SearchResults("tianjin",
                List.of(new CommandReply.StoryHit("s1", "Putin in Tianjin", 2, "arrived in Tianjin"))));
        List<DiscordMessage> none = renderer.reply(new CommandReply.SearchResults("zzz", List.of()));

        assertThat(hits.get(0).embeds()).containsExactly(new Embed("Search: tianjin",
                "**1. Putin in Tianjin** · 2 outlets · `s1`\narrived in Tianjin", List.of()));
        assertThat(none).singleElement().satisfies(m -> assertThat(m.content())
                .isEqualTo("No stories match \"zzz\". Try fewer or other words."));
    }

    @Test
    @DisplayName("a digest shown to the caller lists its stories with their first summary sentence")
    void digestView() {
        List<DiscordMessage> messages = renderer.reply(new CommandReply.DigestView("Latest digest",
                new Digest(List.of(STORY)), true));

        assertThat(messages.get(0).embeds()).containsExactly(new Embed("Latest digest",
                "**1. Putin in \\*Tianjin\\*** · 2 outlets · 1 divergence · `s1`\nPutin arrived in Tianjin for the summit.",
                List.of()));
    }

    @Test
    @DisplayName("threads are named after the story, within Discord's 100 chars")
    void threadName() {
        StoryBrief longHeadline = new StoryBrief("s2", "h".repeat(150), List.of(REUTERS), List.of(), List.of(),
                List.of());

        assertThat(renderer.threadName(new Delivery.Story(STORY))).isEqualTo("Putin in *Tianjin*");
        assertThat(renderer.threadName(new Delivery.Story(longHeadline))).hasSize(100).endsWith("…");
    }
}
