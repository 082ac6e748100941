package dev.parallax.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * HTML article files: title, outlet, canonical URL and publish time from the page's metadata, and
 * the text of its block elements (inside {@code <article>} or {@code <main>} when there is one).
 */
final class HtmlDocumentParser {
    private static final String BLOCKS = "h1, h2, h3, h4, p, li, blockquote, pre, figcaption";

    ParsedDocument parse(String html, String baseUri) {
        Document doc = Jsoup.parse(html, baseUri);
        doc.select("script, style, noscript, nav, header, footer, aside, form, iframe, svg").remove();
        String title = firstNonBlank(meta(doc, "og:title"), text(doc.selectFirst("h1")), doc.title());
        String outlet = meta(doc, "og:site_name");
        String url = firstNonBlank(attr(doc.selectFirst("link[rel=canonical]"), "abs:href"), meta(doc, "og:url"));
        Instant published = PublishTimes.parse(firstNonBlank(meta(doc, "article:published_time"),
                attr(doc.selectFirst("time[datetime]"), "datetime"),
                attr(doc.selectFirst("meta[itemprop=datePublished]"), "content"))).orElse(null);

        Element root = firstNonNull(doc.selectFirst("article"), doc.selectFirst("main"), doc.body());
        List<String> lines = new ArrayList<>();
        if (root != null) {
            for (Element block : root.select(BLOCKS)) {
                // Nested blocks (a p inside an li) would repeat their text.
                if (block.parents().stream().takeWhile(p -> p != root).anyMatch(p -> p.is(BLOCKS))) {
                    continue;
                }
                String text = block.text().strip();
                if (!text.isEmpty() && !text.equals(title)) {
                    lines.add(text);
                }
            }
            if (lines.isEmpty()) {
                lines.add(root.wholeText());
            }
        }
        return new ParsedDocument(title, String.join("\n", lines), published, outlet, url);
    }

    private static String meta(Document doc, String property) {
        Element e = doc.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
        return e == null ? "" : e.attr("content").strip();
    }

    private static String text(Element e) {
        return e == null ? "" : e.text().strip();
    }

    private static String attr(Element e, String name) {
        return e == null ? "" : e.attr(name).strip();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
