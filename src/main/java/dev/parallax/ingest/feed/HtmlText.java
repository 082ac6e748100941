package dev.parallax.ingest.feed;

import dev.parallax.ingest.page.HtmlBlocks;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Plain text of the HTML fragments feeds carry in titles, summaries and content: one paragraph a line. */
final class HtmlText {
    private HtmlText() {
    }

    static String of(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return html.strip().replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll("\\s*\\n\\s*", "\n");
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select("script, style, iframe, object, embed, noscript, template").remove();
        return HtmlBlocks.text(doc.body());
    }

    /** A one-line title: markup and line breaks removed. */
    static String line(String html) {
        return of(html).replace('\n', ' ').strip();
    }
}
