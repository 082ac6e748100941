package dev.parallax.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parallax.ingest.LocalSite;
import dev.parallax.ingest.LocalSite.Answer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedCommandsTest {
    private static final String STORY = "<p>The harbour authority closed the northern port on Sunday after the storm"
            + " surge flooded the quay, officials said, adding that no injuries had been reported.</p><p>Fishing boats"
            + " were moved to the southern basin, and the ferry to the islands was cancelled until further notice.</p>";

    @TempDir
    Path dir;

    private LocalSite site;
    private Path config;

    @BeforeEach
    void setUp() throws IOException {
        site = new LocalSite();
        config = Files.writeString(dir.resolve("parallax.toml"), """
                [database]
                path = "%s"
                [feeds]
                # the test server lives on loopback
                allow = ["127.0.0.1/32"]
                """.formatted(dir.resolve("parallax.db").toString().replace("\\", "/")));
        site.on("/feed.xml", Answer.ok("application/rss+xml", "<rss version=\"2.0\"><channel><title>Local News</title>"
                + "<item><guid>1</guid><title>Storm closes port</title><link>" + site.url("/story.html") + "</link>"
                + "<pubDate>Mon, 01 Sep 2025 07:00:00 GMT</pubDate></item></channel></rss>"));
        site.on("/story.html", Answer.ok("text/html", "<html><head><title>Storm closes port</title>"
                + "<meta property=\"og:site_name\" content=\"Local News\"></head><body><article>" + STORY
                + "</article></body></html>"));
    }

    @AfterEach
    void tearDown() {
        site.close();
    }

    private CommandRun run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = config.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CommandRun.run(all);
    }

    @Test
    @DisplayName("sources add, list and remove; bad URLs, intervals and ids get one clear line and exit 1")
    void sourcesLifecycle() {
        CommandRun added = run("sources", "add", site.url("/feed.xml").toString(), "--interval", "10m");
        CommandRun again = run("sources", "add", site.url("/feed.xml").toString());
        CommandRun privateUrl = run("sources", "add", "http://10.0.0.8/feed.xml");
        CommandRun badInterval = run("sources", "add", site.url("/other.xml").toString(), "--interval", "10 minutes");
        CommandRun list = run("sources", "list");
        CommandRun removed = run("sources", "remove", "1");
        CommandRun unknown = run("sources", "remove", "1");
        CommandRun empty = run("sources", "list");

        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).startsWith("added source 1: ").contains("every 10m");
        assertThat(again.out()).startsWith("already polled, updated source 1").contains("every 15m");
        assertThat(privateUrl.exit()).isEqualTo(1);
        assertThat(privateUrl.err().strip()).startsWith("parallax: refused: 10.0.0.8 resolves to a private address")
                .doesNotContain("\n");
        assertThat(badInterval.exit()).isEqualTo(1);
        assertThat(badInterval.err()).contains("not a duration");
        assertThat(list.out()).contains("1  feed  active  every 15m  last never (new)  failures 0  next ")
                .contains(site.url("/feed.xml").toString());
        assertThat(removed.out()).contains("removed source 1");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(empty.out()).contains("no sources yet");
    }

    @Test
    @DisplayName("sources add given a home page that links its feed adds the feed and says which feed it found")
    void sourcesAddFindsFeed() {
        site.on("/", Answer.ok("text/html", "<html><head><link rel=\"alternate\" type=\"application/rss+xml\""
                + " href=\"/feed.xml\"></head><body>Local News</body></html>"));

        CommandRun added = run("sources", "add", site.url("/").toString());

        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).startsWith("found feed " + site.url("/feed.xml") + " on " + site.url("/") + "\n")
                .contains("added source 1: " + site.url("/feed.xml"));
    }

    @Test
    @DisplayName("ingest reads a feed URL once, and digest accepts a feed URL like a folder")
    void ingestAndDigestUrls() {
        CommandRun ingest = run("ingest", site.url("/feed.xml").toString());
        CommandRun digest = run("digest", site.url("/feed.xml").toString());
        CommandRun badScheme = run("ingest", "ftp://example.org/feed");

        assertThat(ingest.exit()).as(ingest.err()).isZero();
        assertThat(ingest.out()).as(ingest.err()).contains("1 articles (1 new");
        assertThat(digest.exit()).as(digest.err()).isZero();
        assertThat(digest.out()).startsWith("# Parallax digest").contains("Storm closes port").contains("Local News");
        assertThat(badScheme.exit()).isEqualTo(1);
        assertThat(badScheme.err()).contains("only http and https");
    }

    @Test
    @DisplayName("eval extract scores a benchmark-shaped folder and writes {id: {articleBody}} predictions")
    void evalExtract() throws IOException {
        Path bench = Files.createDirectories(dir.resolve("bench/html"));
        gzip(bench.resolve("p1.html.gz"), "<html><body><nav>Menu</nav><article>" + STORY + "</article></body></html>");
        Files.writeString(bench.getParent().resolve("ground-truth.json"), """
                {"p1": {"url": "https://x.example/p1", "articleBody": "The harbour authority closed the northern port\
                 on Sunday after the storm surge flooded the quay, officials said, adding that no injuries had been\
                 reported.\\nFishing boats were moved to the southern basin, and the ferry to the islands was cancelled\
                 until further notice."}}""");
        Path out = dir.resolve("predictions.json");

        CommandRun r = run("eval", "extract", "--dir", bench.getParent().toString(), "--out", out.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("pages 1 (0 with no text found)").contains("P 1.000  R 1.000  F1 1.000");
        JsonNode predictions = new ObjectMapper().readTree(out.toFile());
        assertThat(predictions.get("p1").get("articleBody").asText()).startsWith("The harbour authority");
    }

    @Test
    @DisplayName("eval feeds parses a folder and compares titles, links and dates with expected output")
    void evalFeeds() throws IOException {
        Path feeds = Files.createDirectories(dir.resolve("feeds/expected"));
        Files.writeString(feeds.getParent().resolve("one.rss"), "<rss version=\"2.0\"><channel><title>T</title>"
                + "<item><title>A</title><link>https://a.example/1</link><pubDate>Mon, 01 Sep 2025 07:00:00 GMT"
                + "</pubDate></item><item><title>B</title><link>https://a.example/2</link></item></channel></rss>");
        Files.writeString(feeds.resolve("one.json"), "{\"feed\": {\"items\": [{\"title\": \"A\", \"link\":"
                + " \"https://a.example/1\", \"isoDate\": \"2025-09-01T07:00:00.000Z\"}, {\"title\": \"Other\"}]}}");

        CommandRun r = run("eval", "feeds", "--dir", feeds.getParent().toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("files 1: 1 feeds read, 0 not feeds, 0 crashes; 2 entries")
                .contains("titles agree 1/2 (50.0%), links 1/1 (100.0%), dates 1/1 (100.0%)");
    }

    @Test
    @DisplayName("bench poll serves feeds locally, and the second cycle is all 304s")
    void benchPoll() {
        CommandRun r = run("bench", "poll", "--feeds", "3", "--entries", "2", "--concurrency", "2");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("cycle 1 (all new): 3 due, 3 read, 0 not modified, 0 failed, 6 new articles")
                .contains("cycle 2 (conditional GET): 3 due, 0 read, 3 not modified")
                .contains("server answered 304 to 3 of 3 feeds");
    }

    private static void gzip(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
