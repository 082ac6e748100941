package dev.parallax.ingest.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Removes page furniture from a parsed page before the article is looked for: scripts, forms'
 * controls, figures and captions, share bars, bylines, related-link lists and the like. It knows
 * what such furniture is called in markup (tag names, ARIA roles, class and id words), never which
 * site a page comes from. An element holding most of the page's paragraph text is never removed.
 */
final class DomCleaner {
    private static final String NEVER_TEXT = "script, style, noscript, template, iframe, svg, canvas, object, embed,"
            + " button, select, input, textarea, label, dialog, figure, figcaption, picture, video, audio, map,"
            + " nav, aside, footer, [hidden], [role=navigation], [role=complementary], [role=contentinfo],"
            + " [role=banner], [role=dialog], [role=alert], [aria-hidden=true]";
    // Words in class or id attributes that name furniture. Matched as whole words of the attribute.
    private static final Set<String> FURNITURE_WORDS = Set.of(
            "caption", "captions", "credit", "credits", "byline", "bylines", "share", "sharing",
            "related", "recommended", "recommendations", "newsletter", "promo", "advert", "advertisement", "ad",
            "ads", "sponsor", "sponsored", "breadcrumb", "breadcrumbs", "comments", "comment", "tags", "subscribe",
            "subscription", "signup", "popup", "modal", "cookie", "cookies", "toolbar", "timestamp", "dateline",
            "author", "authors", "sidebar", "widget", "outbrain", "taboola", "paywall", "disclaimer", "trending",
            "most", "popular", "nav", "navigation", "menu", "footer", "masthead", "skip", "print", "rating", "tooltip",
            "hidden", "visually", "sr", "screenreader", "offscreen");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z])(?=[A-Z])");
    private static final Pattern WORD_SPLIT = Pattern.compile("[^a-z0-9]+");
    private static final double PROTECTED_SHARE = 0.4;

    private DomCleaner() {
    }

    static void clean(Document doc) {
        Element body = doc.body();
        if (body == null) {
            return;
        }
        doc.select("script, style, noscript, template").remove();
        int total = paragraphChars(body);
        // Whole-page forms (ASP.NET and the like) would make Readability drop the article with the form.
        for (Element form : body.select("form")) {
            if (isProtected(form, total)) {
                form.tagName("div");
            }
        }
        List<Element> doomed = new ArrayList<>();
        for (Element e : body.select(NEVER_TEXT)) {
            if (!isProtected(e, total)) {
                doomed.add(e);
            }
        }
        doomed.forEach(Element::remove);
        doomed.clear();
        for (Element e : body.getAllElements()) {
            if (e != body && isFurniture(e) && !isProtected(e, total)) {
                doomed.add(e);
            }
        }
        doomed.forEach(Element::remove);
        doc.select("[style~=(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden]").remove();
    }

    private static boolean isFurniture(Element e) {
        String attrs = e.className() + " " + e.id();
        if (attrs.isBlank()) {
            return false;
        }
        String words = CAMEL.matcher(attrs).replaceAll(" ").toLowerCase(Locale.ROOT);
        for (String word : WORD_SPLIT.split(words)) {
            if (FURNITURE_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    // Main text is never furniture, whatever the markup calls it.
    private static boolean isProtected(Element e, int totalParagraphChars) {
        if (e.hasAttr("itemprop") && e.attr("itemprop").equalsIgnoreCase("articleBody")) {
            return true;
        }
        if (!e.select("[itemprop=articleBody]").isEmpty()) {
            return true;
        }
        return totalParagraphChars > 0 && paragraphChars(e) > PROTECTED_SHARE * totalParagraphChars;
    }

    private static int paragraphChars(Element root) {
        int n = 0;
        for (Element p : root.select("p")) {
            n += p.text().length();
        }
        return n;
    }
}
