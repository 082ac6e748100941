package dev.parallax.ingest.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** The text of an HTML element as paragraphs: one line per block element, inline runs joined with spaces. */
public final class HtmlBlocks {
    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "dd", "details",
            "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
            "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
            "thead", "tfoot", "td", "th", "tr", "ul", "br", "center", "body", "html");

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern INVISIBLE =
            java.util.regex.Pattern.compile("[\\s\\u00a0\\u200b\\u200c\\u200d\\ufeff]+");

    private HtmlBlocks() {
    }

    /** Non-empty, stripped lines in document order. */
    public static List<String> lines(Element root) {
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    // Source line breaks are layout, not paragraphs, except inside <pre>.
                    String raw = t.getWholeText();
                    text.append(insidePre(t) ? raw : SPACES.matcher(raw).replaceAll(" "));
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    text.append('\n');
                }
            }
        }, root);
        List<String> lines = new ArrayList<>();
        for (String line : text.toString().split("\n")) {
            String clean = INVISIBLE.matcher(line).replaceAll(" ").strip();
            if (!clean.isEmpty()) {
                lines.add(clean);
            }
        }
        return lines;
    }

    private static boolean insidePre(TextNode t) {
        for (Node p = t.parent(); p != null; p = p.parent()) {
            if (p instanceof Element e && (e.normalName().equals("pre") || e.normalName().equals("textarea"))) {
                return true;
            }
        }
        return false;
    }

    public static String text(Element root) {
        return String.join("\n", lines(root));
    }
}
