package dev.parallax.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.ingest.LocalSite;
import dev.parallax.ingest.http.TextDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedParserTest {
    private final FeedParser parser = new FeedParser();

    private ParsedFeed feed(String text) {
        FeedRead read = parser.parse(text, "", "https://example.org/feed");
        assertThat(read).isInstanceOf(FeedRead.Feed.class);
        return ((FeedRead.Feed) read).feed();
    }

    @Test
    @DisplayName("RSS 2.0: guid, link, plain-text title without its HTML, date, author and content")
    void rss2() {
        ParsedFeed f = feed("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
                  <title>Daily &amp; Weekly</title><link>https://news.example/</link>
                  <item><title>&lt;b&gt;Storm&lt;/b&gt; closes &amp; floods port</title>
                    <link>https://news.example/a/1?utm_source=rss</link><guid>urn:a:1</guid>
                    <pubDate>Mon, 01 Sep 2025 07:30:00 GMT</pubDate><dc:creator>Ana Ruiz</dc:creator>
                    <description>Short teaser.</description>
                    <content:encoded><![CDATA[<p>First paragraph.</p><p>Second <i>paragraph</i>.</p>]]></content:encoded>
                  </item>
                </channel></rss>""");

        assertThat(f.format()).isEqualTo("rss_2.0");
        assertThat(f.title()).isEqualTo("Daily & Weekly");
        FeedEntry e = f.entries().get(0);
        assertThat(e.guid()).isEqualTo("urn:a:1");
        assertThat(e.link()).isEqualTo("https://news.example/a/1?utm_source=rss");
        assertThat(e.title()).isEqualTo("Storm closes & floods port");
        assertThat(e.published()).isEqualTo(Instant.parse("2025-09-01T07:30:00Z"));
        assertThat(e.author()).isEqualTo("Ana Ruiz");
        assertThat(e.content()).isEqualTo("First paragraph.\nSecond paragraph.");
        assertThat(e.summary()).isEqualTo("Short teaser.");
        assertThat(f.warnings()).isEmpty();
    }

    @Test
    @DisplayName("Atom: relative entry links resolve against the feed's site link; updated stands in for published")
    void atom() {
        ParsedFeed f = feed("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Site</title>
                  <link href="https://site.example/"/><id>urn:site</id><updated>2025-09-01T00:00:00Z</updated>
                  <entry><title type="html">A &amp;amp; B</title><id>urn:e1</id>
                    <link rel="alternate" href="/posts/1"/><updated>2025-08-31T22:00:00+02:00</updated>
                    <summary>Sum</summary></entry>
                </feed>""");

        FeedEntry e = f.entries().get(0);
        assertThat(f.format()).isEqualTo("atom_1.0");
        assertThat(e.link()).isEqualTo("https://site.example/posts/1");
        assertThat(e.title()).isEqualTo("A & B");
        assertThat(e.published()).isEqualTo(Instant.parse("2025-08-31T20:00:00Z"));
    }

    @Test
    @DisplayName("JSON Feed 1.1: items with HTML content, authors and dates")
    void jsonFeed() {
        ParsedFeed f = feed("""
                {"version": "https://jsonfeed.org/version/1.1", "title": "JF", "home_page_url": "https://jf.example/",
                 "authors": [{"name": "Feed Author"}],
                 "items": [{"id": "1", "url": "/p/1", "title": "One", "content_html": "<p>Hello <b>there</b>.</p>",
                            "date_published": "2025-09-01T06:00:00-04:00"},
                           {"id": "2", "url": "https://jf.example/p/2", "content_text": "Plain.", "date_published": "soon"}]}""");

        assertThat(f.format()).isEqualTo("json_feed_1.1");
        assertThat(f.entries()).hasSize(2);
        assertThat(f.entries().get(0).link()).isEqualTo("https://jf.example/p/1");
        assertThat(f.entries().get(0).content()).isEqualTo("Hello there.");
        assertThat(f.entries().get(0).author()).isEqualTo("Feed Author");
        assertThat(f.entries().get(0).published()).isEqualTo(Instant.parse("2025-09-01T10:00:00Z"));
        assertThat(f.entries().get(1).published()).isNull();
        assertThat(f.warnings()).anyMatch(w -> w.contains("unreadable date \"soon\""));
    }

    @Test
    @DisplayName("a malformed feed (bare &, unclosed tags, a bad date, no guid) yields its entries with warnings")
    void malformedFeed() {
        ParsedFeed f = feed("""
                <rss version="2.0"><channel><title>Broken & proud</title>
                  <item><title>Tom & Jerry<br></title><link>https://b.example/1</link>
                    <pubDate>the day after tomorrow</pubDate></item>
                  <item><title>Second</title><link>https://b.example/2</link></item>
                </channel></rss>""");

        assertThat(f.entries()).extracting(FeedEntry::title).containsExactly("Tom & Jerry", "Second");
        assertThat(f.entries().get(0).key()).isEqualTo("https://b.example/1");
        assertThat(f.entries().get(0).published()).isNull();
        assertThat(f.warnings()).anyMatch(w -> w.contains("not well-formed"))
                .anyMatch(w -> w.contains("unreadable date"));
    }

    @Test
    @DisplayName("XXE: an external entity naming a local file is never read, and a DTD URL is never fetched")
    void externalEntities(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-42");
        try (LocalSite site = new LocalSite()) {
            site.on("/evil.dtd", LocalSite.Answer.ok("application/xml-dtd", "<!ENTITY leak 'DTD-WAS-FETCHED'>"));
            String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \"" + site.url("/evil.dtd") + "\" [\n"
                    + "  <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n  <!ENTITY % remote SYSTEM \""
                    + site.url("/evil.dtd") + "\"> %remote;\n]>\n"
                    + "<rss version=\"2.0\"><channel><title>T</title><item><title>Hi &xxe; &leak;</title>"
                    + "<link>https://x.example/1</link></item></channel></rss>";

            ParsedFeed f = feed(xml);

            assertThat(f.entries()).hasSize(1);
            assertThat(f.entries().get(0).title()).doesNotContain("TOP-SECRET-42", "DTD-WAS-FETCHED");
            assertThat(f.warnings()).anyMatch(w -> w.contains("declares XML entities"));
            assertThat(site.requests()).isEmpty();
        }
    }

    @Test
    @DisplayName("billion laughs: nested entity definitions are never expanded, and parsing stays quick")
    void billionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE rss [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String xml = dtd + "<rss version=\"2.0\"><channel><title>L</title><item><title>&lol9;</title>"
                + "<link>https://l.example/1</link></item></channel></rss>";
        long start = System.nanoTime();

        ParsedFeed f = feed(xml);

        assertThat((System.nanoTime() - start) / 1e9).isLessThan(2.0);
        assertThat(f.entries().get(0).title().length()).isLessThan(100);
    }

    @Test
    @DisplayName("a web page, an empty body and plain JSON are not feeds")
    void notFeeds() {
        assertThat(parser.parse("<!doctype html><html><body><p>Hi</p></body></html>", "text/html", ""))
                .isInstanceOfSatisfying(FeedRead.NotAFeed.class, n -> assertThat(n.reason()).contains("HTML"));
        assertThat(parser.parse("  ", "", "")).isInstanceOf(FeedRead.NotAFeed.class);
        assertThat(parser.parse("{\"a\": 1}", "application/json", "")).isInstanceOf(FeedRead.NotAFeed.class);
    }

    @Test
    @DisplayName("every real-world feed in ../shared/data/real-feeds-dev parses without an exception")
    void realFeedsNeverCrash() throws IOException {
        Path dir = Path.of(System.getProperty("parallax.shared", "../shared"), "data", "real-feeds-dev");
        Assumptions.assumeTrue(Files.isDirectory(dir), "real-feeds-dev not present");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/expected/"))
                    .filter(p -> !p.getFileName().toString().equals("LICENSE")).toList();
        }
        int feeds = 0;
        for (Path file : files) {
            FeedRead read = parser.parse(TextDecoder.decode(Files.readAllBytes(file), "").text(), "", "https://e.org/");
            if (read instanceof FeedRead.Feed) {
                feeds++;
            }
        }
        assertThat(files).hasSizeGreaterThan(40);
        assertThat(feeds).isGreaterThanOrEqualTo(files.size() - 1);
    }
}
