package dev.parallax.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.Seeds;
import dev.parallax.chat.ChannelRef;
import dev.parallax.chat.CommandReply;
import dev.parallax.chat.CommandRequest;
import dev.parallax.chat.CommandService;
import dev.parallax.chat.Delivery;
import dev.parallax.ingest.LocalSite;
import dev.parallax.ingest.LocalSite.Answer;
import dev.parallax.schedule.ChannelDigestService;
import dev.parallax.schedule.DeliveryCodec;
import dev.parallax.schedule.SourcePoller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A channel's subscriptions end to end, as wired for {@code parallax run}: {@code /parallax subscribe}
 * registers the feed for polling (the SSRF guard, with the test server allowed), the poller reads it
 * over real HTTP from 127.0.0.1, and the channel's digest holds only the stories of its feeds.
 */
class ChannelSubscriptionsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-09-01T10:00:00Z"), ZoneOffset.UTC);
    private static final ChannelRef FOLLOWER = new ChannelRef("console", "alpha-readers");
    private static final ChannelRef EVERYONE = new ChannelRef("console", "everything");
    private static final String TRANSFER = "The Uruguayan striker signed a five-year contract with the Lisbon club on"
            + " Monday after passing a medical, the club said, in a deal worth a record fee for the Portuguese league."
            + " The forward scored 31 goals last season and had been chased by three clubs in England and Spain."
            + " Supporters gathered outside the stadium to greet him, and the coach said he would start on Saturday.";

    @TempDir
    Path dir;

    private LocalSite site;
    private Parallax app;
    private CommandService commands;

    @BeforeEach
    void setUp() throws IOException {
        site = new LocalSite();
        // Alpha carries one article of the summit story and a transfer story; Beta the summit and the floods.
        site.on("/alpha.xml", Answer.ok("application/rss+xml", rss("Alpha Times",
                item("a-1", "/alpha/putin", "Putin arrives in China for security summit", Seeds.read("000")),
                item("a-2", "/alpha/striker", "Striker joins Lisbon club in record transfer", TRANSFER))));
        site.on("/beta.xml", Answer.ok("application/rss+xml", rss("Beta Post",
                item("b-1", "/beta/putin", "Putin lands in Tianjin", Seeds.read("001")),
                item("b-2", "/beta/floods", "Heavy rain floods coastal towns in southern Brazil",
                        Seeds.UNRELATED_ARTICLE))));
        Path config = Files.writeString(dir.resolve("parallax.toml"), """
                [database]
                path = "%s"
                [ingest]
                folders = []
                [feeds]
                fetch_pages = false
                # the test server lives on loopback
                allow = ["127.0.0.1/32"]
                [ops]
                enabled = false
                """.formatted(dir.resolve("parallax.db").toString().replace("\\", "/")));
        app = Parallax.start(ParallaxConfig.load(config), CLOCK);
        commands = app.commands(app.channelAdmin, "/parallax");
    }

    @AfterEach
    void tearDown() {
        app.close();
        site.close();
    }

    @Test
    @DisplayName("subscribe polls the feed; the follower's digest holds the stories of its feed, with every outlet,"
            + " a channel with no subscriptions gets every story; unsubscribe drops the link, the feed stays polled")
    void subscriptionsEndToEnd() throws Exception {
        // The operator polls Beta for everyone; the follower subscribes to Alpha from chat.
        app.webSources.add(site.url("/beta.xml").toString(), java.util.Optional.empty());
        CommandReply subscribed = admin(FOLLOWER, "subscribe " + site.url("/alpha.xml"));
        CommandReply refused = admin(FOLLOWER, "subscribe http://10.0.0.8/feed.xml");
        admin(EVERYONE, "topics clear");

        SourcePoller.PollReport polled = app.poller().pollDue();
        ChannelDigestService.Built follower = app.channelDigests.buildNow(FOLLOWER.id());
        ChannelDigestService.Built everyone = app.channelDigests.buildNow(EVERYONE.id());

        assertThat(subscribed).isInstanceOfSatisfying(CommandReply.Message.class,
                m -> assertThat(m.text()).startsWith("This channel now follows " + site.url("/alpha.xml")));
        assertThat(refused).isInstanceOfSatisfying(CommandReply.Problem.class, p -> assertThat(p.text())
                .startsWith("That feed address will not work: 10.0.0.8 resolves to a private address"));
        assertThat(polled.polled()).isEqualTo(2);
        assertThat(polled.articlesAdded()).isEqualTo(4);
        assertThat(site.requestsTo("/alpha.xml")).hasSize(1);

        assertThat(follower.stories()).isEqualTo(2);
        Delivery.DigestHeader followed = header(FOLLOWER);
        assertThat(followed.stories()).extracting(Delivery.StoryLine::headline)
                .anySatisfy(h -> assertThat(h).containsIgnoringCase("putin"))
                .anySatisfy(h -> assertThat(h).containsIgnoringCase("striker"))
                .noneSatisfy(h -> assertThat(h).containsIgnoringCase("flood"));
        // The summit story came partly through Beta, which the follower does not follow: both outlets show.
        assertThat(followed.stories()).filteredOn(l -> l.headline().toLowerCase().contains("putin"))
                .extracting(Delivery.StoryLine::outlets).containsExactly(2);
        assertThat(everyone.stories()).isEqualTo(3);

        CommandReply dropped = admin(FOLLOWER, "unsubscribe 1");
        assertThat(dropped).isInstanceOfSatisfying(CommandReply.Message.class, m -> assertThat(m.text())
                .isEqualTo("This channel no longer follows " + site.url("/alpha.xml")
                        + ". It follows no feeds now, so its digest holds every story again."));
        assertThat(count("SELECT count(*) FROM channel_sources")).isZero();
        assertThat(count("SELECT count(*) FROM source_polls WHERE disabled_reason IS NULL")).isEqualTo(2);
    }

    @Test
    @DisplayName("subscribe to a home page follows the feed it announces, and the reply names that feed")
    void subscribeToHomePageFollowsItsFeed() {
        site.on("/alpha/", Answer.ok("text/html", "<html><head><title>Alpha Times</title>"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/alpha.xml\"></head>"
                + "<body><p>Latest news</p></body></html>"));

        CommandReply subscribed = admin(FOLLOWER, "subscribe " + site.url("/alpha/"));
        CommandReply again = admin(FOLLOWER, "subscribe " + site.url("/alpha.xml"));

        assertThat(subscribed).isInstanceOfSatisfying(CommandReply.Message.class, m -> assertThat(m.text())
                .startsWith("This channel now follows " + site.url("/alpha.xml") + " (the feed "
                        + site.url("/alpha/") + " announces)"));
        assertThat(again).isInstanceOfSatisfying(CommandReply.Message.class, m -> assertThat(m.text())
                .isEqualTo("This channel already follows " + site.url("/alpha.xml") + "."));
    }

    private CommandReply admin(ChannelRef channel, String text) {
        return commands.handle(new CommandRequest(channel, "U-admin", true, text));
    }

    private Delivery.DigestHeader header(ChannelRef channel) throws SQLException {
        List<String> payloads = new ArrayList<>();
        try (Connection c = app.database.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT payload FROM outbox WHERE channel_id = ? AND kind = ?")) {
            ps.setString(1, channel.id());
            ps.setString(2, DeliveryCodec.HEADER);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    payloads.add(rs.getString(1));
                }
            }
        }
        assertThat(payloads).hasSize(1);
        return (Delivery.DigestHeader) new DeliveryCodec().decode(DeliveryCodec.HEADER, payloads.get(0));
    }

    private int count(String sql) throws SQLException {
        try (Connection c = app.database.connection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String rss(String title, String... items) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + title + "</title><link>"
                + site.url("/") + "</link>" + String.join("", items) + "</channel></rss>";
    }

    private String item(String guid, String path, String title, String text) {
        return "<item><guid>" + guid + "</guid><link>" + site.url(path) + "</link><title>" + title + "</title>"
                + "<pubDate>Mon, 01 Sep 2025 07:00:00 GMT</pubDate><description><![CDATA[<p>"
                + text.strip().replace("\n", "</p><p>") + "</p>]]></description></item>";
    }
}
