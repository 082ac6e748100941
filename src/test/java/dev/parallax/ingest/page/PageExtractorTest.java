package dev.parallax.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PageExtractorTest {
    private static final String PARAGRAPHS = """
            <p>The harbour authority closed the northern port on Sunday after the storm surge flooded the quay,
            officials said, adding that no injuries had been reported by the evening.</p>
            <p>Fishing boats were moved to the southern basin, and the ferry to the islands was cancelled until
            further notice, according to a statement from the operator published on its website.</p>
            <p>Engineers expect to inspect the sea wall on Monday morning before deciding when the port can reopen
            to commercial traffic, the authority said in its latest update.</p>
            """;

    private final PageExtractor extractor = new PageExtractor();

    @Test
    @DisplayName("furniture goes (navigation, headline, byline, date, caption, share bar, related links), the article stays")
    void furnitureRemoved() {
        String html = """
                <html><head><title>Storm closes port | Coast News</title>
                <meta property="og:title" content="Storm closes port">
                <meta property="og:site_name" content="Coast News">
                <link rel="canonical" href="https://coast.example/news/storm-port?utm_source=twitter">
                <meta property="article:published_time" content="2025-08-31T18:05:00+01:00"></head>
                <body><nav><a href="/">Home</a><a href="/news">News</a></nav>
                <article><h1>Storm closes port</h1><div class="byline">By Ana Ruiz</div>
                <p>Updated: 18:05, Sun, Aug 31, 2025</p>
                <figure><img src="q.jpg"><figcaption>The flooded quay on Sunday. Photo: Coast News</figcaption></figure>
                <div class="share-bar"><a>Share on Facebook</a><a>Share on X</a></div>
                %s
                <div class="related-articles"><h3>Related</h3><ul><li><a href="/x">Ferry strike ends after talks</a></li></ul></div>
                </article><footer>Copyright 2025 Coast News. All rights reserved.</footer></body></html>
                """.formatted(PARAGRAPHS);

        ExtractedPage page = extractor.extract(html, "https://coast.example/news/storm-port");

        assertThat(page.text().lines()).hasSize(3);
        assertThat(page.text()).startsWith("The harbour authority closed the northern port on Sunday")
                .contains("according to a statement from the operator")
                .doesNotContain("Home", "Storm closes port", "Ana Ruiz", "Updated", "flooded quay on Sunday",
                        "Share on", "Ferry strike", "Copyright");
        assertThat(page.title()).isEqualTo("Storm closes port");
        assertThat(page.outlet()).isEqualTo("Coast News");
        assertThat(page.canonicalUrl()).isEqualTo("https://coast.example/news/storm-port");
        assertThat(page.published()).isEqualTo(Instant.parse("2025-08-31T17:05:00Z"));
        assertThat(page.method()).isEqualTo(ExtractedPage.Method.READABILITY);
    }

    @Test
    @DisplayName("when the page states its article body in JSON-LD, lines outside it (a promo inside the article) go")
    void statedBodyFiltersLines() {
        String stated = PARAGRAPHS.replaceAll("</?p>", " ").replaceAll("\\s+", " ").strip();
        String html = "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"articleBody\": \""
                + stated + "\"}</script></head><body><article>" + PARAGRAPHS
                + "<p>Our weekly quiz is back with twelve fresh questions about the coast and its history.</p>"
                + "</article></body></html>";

        ExtractedPage page = extractor.extract(html, "https://coast.example/a");

        assertThat(page.text()).contains("The harbour authority closed").doesNotContain("weekly quiz");
        assertThat(page.text().lines()).hasSize(3);
    }

    @Test
    @DisplayName("a script-rendered page with no text in its markup falls back to the JSON-LD articleBody")
    void structuredDataFallback() {
        String html = """
                <html><head><title>App</title><script type="application/ld+json">
                {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Coast News"},
                 {"@type": ["NewsArticle"], "headline": "Storm closes port", "datePublished": "2025-08-31T17:05:00Z",
                  "publisher": {"@type": "Organization", "name": "Coast News"},
                  "articleBody": "The harbour authority closed the northern port on Sunday.\\nFerries were cancelled."}]}
                </script></head><body><div id="root"></div><script>render()</script></body></html>""";

        ExtractedPage page = extractor.extract(html, "https://coast.example/app");

        assertThat(page.method()).isEqualTo(ExtractedPage.Method.STRUCTURED_DATA);
        assertThat(page.text()).isEqualTo("The harbour authority closed the northern port on Sunday.\nFerries were cancelled.");
        assertThat(page.title()).isEqualTo("Storm closes port");
        assertThat(page.outlet()).isEqualTo("Coast News");
        assertThat(page.published()).isEqualTo(Instant.parse("2025-08-31T17:05:00Z"));
    }

    @Test
    @DisplayName("a page wrapped whole in a form (ASP.NET style) still yields its article")
    void wholePageForm() {
        String html = "<html><body><form id=\"aspnetForm\"><div class=\"main\"><div class=\"article-body\">"
                + PARAGRAPHS + "</div></div></form></body></html>";

        assertThat(extractor.extract(html, "https://coast.example/a").text())
                .contains("The harbour authority closed the northern port");
    }

    @Test
    @DisplayName("empty, broken or absurdly deep markup never throws, and script text never leaks into the article")
    void hostileMarkup() {
        String deep = "<div>".repeat(5000) + "deep text" + "</div>".repeat(5000);
        String scripted = "<html><body><script>var secret = 'TOKEN';</script><style>p{}</style>" + PARAGRAPHS
                + "<noscript>Enable JavaScript</noscript></body></html>";

        assertThat(extractor.extract("", "").method()).isEqualTo(ExtractedPage.Method.NONE);
        assertThat(extractor.extract("<<<>>>&&&<p", "not a url")).isNotNull();
        assertThat(extractor.extract(deep, "https://x.example/").text()).isIn("", "deep text");
        assertThat(extractor.extract(scripted, "https://x.example/").text())
                .contains("harbour authority").doesNotContain("TOKEN", "Enable JavaScript");
    }
}
