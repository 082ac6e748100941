package dev.parallax.ingest.page;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parallax.ingest.PublishTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The main text and metadata of an article page. Readability4J runs on a DOM cleaned of furniture
 * ({@link DomCleaner}), its paragraphs go through {@link PageTextCleaner}, and when the page states
 * its own article body in JSON-LD, lines it does not contain are dropped ({@link BodyFilter}). If
 * Readability finds little, the stated body or an {@code itemprop=articleBody} element is used.
 */
public final class PageExtractor {
    // Below this many characters Readability has probably missed the article.
    private static final int SHORT_TEXT = 200;
    // Readability's scoring is quadratic in nesting depth: a hostile page 5,000 levels deep costs seconds.
    private static final int MAX_DEPTH = 160;
    private static final int MAX_ELEMENTS = 40_000;

    private final PageTextCleaner cleaner = new PageTextCleaner();

    public ExtractedPage extract(String html, String pageUrl) {
        String url = pageUrl == null ? "" : pageUrl;
        Document doc = Jsoup.parse(html, url);
        List<JsonNode> ld = StructuredData.articles(doc);
        Set<String> titles = titles(doc, ld);
        String title = firstNonBlank(meta(doc, "og:title"), StructuredData.text(ld, "headline"),
                doc.selectFirst("h1") == null ? "" : doc.selectFirst("h1").text(), doc.title());
        String outlet = firstNonBlank(meta(doc, "og:site_name"), StructuredData.publisherName(ld),
                meta(doc, "application-name"));
        Element canonicalLink = doc.selectFirst("link[rel=canonical][href]");
        String canonical = CanonicalUrl.of(firstNonBlank(canonicalLink == null ? "" : canonicalLink.attr("abs:href"),
                meta(doc, "og:url"))).orElse("");
        Instant published = published(doc, ld);
        Optional<String> statedBody = StructuredData.articleBody(ld);
        Element itemprop = doc.selectFirst("[itemprop=articleBody]");
        List<String> itempropLines = itemprop == null ? List.of() : HtmlBlocks.lines(itemprop.clone());

        DomCleaner.clean(doc);
        List<String> lines = readability(doc, url);
        ExtractedPage.Method method = ExtractedPage.Method.READABILITY;
        lines = cleaner.clean(lines, titles);
        if (statedBody.isPresent()) {
            lines = BodyFilter.keepLinesIn(lines, statedBody.get());
        }
        int length = String.join("\n", lines).length();
        if (length < SHORT_TEXT && statedBody.isPresent() && statedBody.get().length() > length) {
            lines = cleaner.clean(List.of(statedBody.get().split("\\s*\\n\\s*")), titles);
            method = ExtractedPage.Method.STRUCTURED_DATA;
        } else if (length < SHORT_TEXT && String.join("\n", itempropLines).length() > length) {
            lines = cleaner.clean(itempropLines, titles);
            method = ExtractedPage.Method.ITEMPROP;
        }
        String text = String.join("\n", lines).strip();
        return new ExtractedPage(title.strip(), text, outlet, canonical, published,
                text.isEmpty() ? ExtractedPage.Method.NONE : method);
    }

    private static List<String> readability(Document doc, String url) {
        if (tooComplex(doc)) {
            return doc.body() == null ? List.of() : HtmlBlocks.lines(doc.body());
        }
        try {
            Article article = new Readability4J(url, doc).parse();
            Element content = article.getArticleContent();
            return content == null ? List.of() : HtmlBlocks.lines(content);
        } catch (RuntimeException e) {
            // Readability on a hostile page must not take the poll down; the fallbacks still apply.
            return List.of();
        }
    }

    private static boolean tooComplex(Document doc) {
        List<Element> all = doc.getAllElements();
        if (all.size() > MAX_ELEMENTS) {
            return true;
        }
        for (Element e : all) {
            if (e.childrenSize() == 0 && e.parents().size() > MAX_DEPTH) {
                return true;
            }
        }
        return false;
    }

    private static Instant published(Document doc, List<JsonNode> ld) {
        List<String> candidates = new ArrayList<>();
        candidates.add(meta(doc, "article:published_time"));
        candidates.add(StructuredData.text(ld, "datePublished"));
        Element item = doc.selectFirst("[itemprop=datePublished]");
        if (item != null) {
            candidates.add(item.hasAttr("content") ? item.attr("content") : item.attr("datetime"));
        }
        for (String name : List.of("og:published_time", "pubdate", "publishdate", "date", "dc.date",
                "dcterms.created", "sailthru.date", "parsely-pub-date")) {
            candidates.add(meta(doc, name));
        }
        Element time = doc.selectFirst("time[datetime]");
        if (time != null) {
            candidates.add(time.attr("datetime"));
        }
        for (String c : candidates) {
            Optional<Instant> t = PublishTimes.parse(c);
            if (t.isPresent()) {
                return t.get();
            }
        }
        return null;
    }

    // Headline spellings a page repeats above its text: og:title, JSON-LD headline, h1, <title> and its parts.
    static Set<String> titles(Document doc, List<JsonNode> ld) {
        Set<String> titles = new LinkedHashSet<>();
        for (Element m : doc.select("meta[property=og:title], meta[name=twitter:title], meta[name=title]")) {
            titles.add(m.attr("content"));
        }
        titles.add(StructuredData.text(ld, "headline"));
        for (Element h : doc.select("h1")) {
            titles.add(h.text());
        }
        String title = doc.title();
        titles.add(title);
        for (String part : title.split("\\s+[|\\-–—:»·]+\\s+")) {
            titles.add(part);
        }
        titles.removeIf(String::isBlank);
        return titles;
    }

    private static String meta(Document doc, String name) {
        Element e = doc.selectFirst("meta[property=\"" + name + "\"][content], meta[name=\"" + name + "\"][content]");
        return e == null ? "" : e.attr("content").strip();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
