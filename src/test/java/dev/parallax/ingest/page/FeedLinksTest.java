package dev.parallax.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeedLinksTest {
    private static String head(String links) {
        return "<!doctype html><html><head><title>Outlet</title>" + links + "</head><body>Home</body></html>";
    }

    @Test
    @DisplayName("a relative href resolves against the page URL, or its <base> when there is one")
    void relative() {
        String page = head("<link rel=\"alternate\" type=\"application/rss+xml\" href=\"feed.xml\">");

        assertThat(FeedLinks.best(page, "https://outlet.example/news/"))
                .contains(URI.create("https://outlet.example/news/feed.xml"));
        assertThat(FeedLinks.best(head("<base href=\"https://cdn.example/x/\">")
                + page, "https://outlet.example/news/")).contains(URI.create("https://cdn.example/x/feed.xml"));
    }

    @Test
    @DisplayName("RSS or Atom wins over JSON; among them the page's first; comments feeds by title or URL never")
    void preference() {
        String page = head("""
                <link rel="alternate" type="application/feed+json" href="/feed.json">
                <link rel="alternate" type="application/rss+xml" title="Outlet » Comments Feed" href="/c1.xml">
                <link rel="alternate" type="application/rss+xml" href="/comments/feed/">
                <link rel="alternate home" type="application/atom+xml" href="/atom.xml">
                <link rel="alternate" type="application/rss+xml" href="/rss.xml">
                """);

        assertThat(FeedLinks.best(page, "https://outlet.example/")).contains(URI.create("https://outlet.example/atom.xml"));
        assertThat(FeedLinks.best(head("<link rel=\"alternate\" type=\"application/json\" href=\"/j\">"
                + "<link rel=\"alternate\" type=\"application/feed+json\" href=\"/f.json\">"), "https://outlet.example/"))
                .contains(URI.create("https://outlet.example/f.json"));
    }

    @Test
    @DisplayName("a page with only stylesheets, a comments feed or a non-alternate feed link announces no feed")
    void none() {
        assertThat(FeedLinks.best(head("<link rel=\"stylesheet\" type=\"text/css\" href=\"/s.css\">"),
                "https://outlet.example/")).isEmpty();
        assertThat(FeedLinks.best(head("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Comments\""
                + " href=\"/c.xml\">"), "https://outlet.example/")).isEmpty();
        assertThat(FeedLinks.best(head("<link rel=\"feed\" type=\"application/rss+xml\" href=\"/f.xml\">"),
                "https://outlet.example/")).isEmpty();
    }
}
