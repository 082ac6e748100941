package dev.parallax.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import dev.parallax.ingest.PublishTimes;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** RSS 0.9x, 1.0 (RDF), 2.0 and Atom through Rome, on a document {@link SafeXml} parsed. */
final class RomeFeedReader {
    private RomeFeedReader() {
    }

    /** True when the root element is one Rome reads: rss, RDF or feed. */
    static boolean isFeedRoot(Document doc) {
        Element root = doc.getDocumentElement();
        if (root == null) {
            return false;
        }
        String name = localName(root);
        return name.equals("rss") || name.equals("rdf") || name.equals("feed");
    }

    static FeedRead read(String xml, String baseUrl) {
        SafeXml.Parsed parsed = SafeXml.parse(xml);
        List<String> warnings = new ArrayList<>(parsed.warnings());
        Document doc = parsed.document();
        if (!isFeedRoot(doc)) {
            Element root = doc.getDocumentElement();
            Element nested = nestedFeed(doc);
            if (nested == null) {
                return new FeedRead.NotAFeed("XML whose root is <" + (root == null ? "nothing" : root.getTagName())
                        + ">, not rss, RDF or feed");
            }
            warnings.add("the feed is wrapped in <" + root.getTagName() + ">; read the <" + nested.getTagName()
                    + "> inside it");
            doc = asDocument(nested);
        }
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(doc);
        } catch (FeedException | IllegalArgumentException e) {
            return new FeedRead.NotAFeed("not a feed Rome can read: " + e.getMessage());
        } catch (RuntimeException e) {
            // Rome's parsers assume well-formed feeds; a surprise inside them is the feed's fault, not ours.
            return new FeedRead.NotAFeed("feed could not be read: " + e);
        }
        URI base = JsonFeedReader.base(feed.getLink(), baseUrl);
        List<FeedEntry> entries = new ArrayList<>();
        List<Element> items = itemElements(doc);
        boolean aligned = items.size() == feed.getEntries().size();
        int n = 0;
        for (SyndEntry e : feed.getEntries()) {
            n++;
            try {
                entries.add(entry(e, base, aligned ? items.get(n - 1) : null, warnings, n));
            } catch (RuntimeException ex) {
                warnings.add("entry " + n + " could not be read (" + ex + "); skipped");
            }
        }
        return new FeedRead.Feed(new ParsedFeed(feed.getFeedType() == null ? "unknown" : feed.getFeedType(),
                HtmlText.line(feed.getTitle()), feed.getLink() == null ? "" : feed.getLink(), entries, warnings));
    }

    private static FeedEntry entry(SyndEntry e, URI base, Element item, List<String> warnings, int n) {
        String link = link(e);
        Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
        Instant published = date == null ? null : date.toInstant();
        if (published == null && item != null) {
            // Rome knows fewer date spellings than feeds use ("07 Nov 2015 12:00:00 EST"); try ours.
            String raw = dateText(item);
            published = PublishTimes.parse(raw).orElse(null);
            if (published == null && !raw.isEmpty()) {
                warnings.add("entry " + n + ": unreadable date \"" + raw + "\"");
            }
        }
        StringBuilder content = new StringBuilder();
        for (SyndContent c : e.getContents()) {
            String text = text(c);
            if (!text.isEmpty()) {
                content.append(content.length() == 0 ? "" : "\n").append(text);
            }
        }
        String guid = e.getUri();
        if ((guid == null || guid.isBlank()) && link.isEmpty()) {
            warnings.add("entry " + n + " has neither id nor link");
        }
        return new FeedEntry(guid, JsonFeedReader.absolute(base, link, warnings, n), HtmlText.line(e.getTitle()),
                published, e.getAuthor(), content.toString(), text(e.getDescription()));
    }

    private static final java.util.Set<String> ITEM_NAMES = java.util.Set.of("item", "entry");
    private static final List<String> DATE_NAMES = List.of("pubdate", "published", "date", "issued", "updated",
            "modified");

    // The item/entry elements in document order: the order Rome returns the entries in.
    private static List<Element> itemElements(Document doc) {
        List<Element> out = new ArrayList<>();
        org.w3c.dom.NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (ITEM_NAMES.contains(localName(e))) {
                out.add(e);
            }
        }
        return out;
    }

    private static String dateText(Element item) {
        for (String wanted : DATE_NAMES) {
            for (org.w3c.dom.Node c = item.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element child && localName(child).equals(wanted)) {
                    return child.getTextContent().strip();
                }
            }
        }
        return "";
    }

    private static String localName(Element e) {
        String name = e.getLocalName() != null ? e.getLocalName() : e.getTagName();
        return name.substring(name.indexOf(':') + 1).toLowerCase(Locale.ROOT);
    }

    private static Element nestedFeed(Document doc) {
        org.w3c.dom.NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 1; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String name = localName(e);
            if (name.equals("rss") || name.equals("rdf") || name.equals("feed")) {
                return e;
            }
        }
        return null;
    }

    private static Document asDocument(Element root) {
        try {
            javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().newDocument();
            doc.appendChild(doc.importNode(root, true));
            return doc;
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    // Atom entries may have several links; the alternate one is the article.
    private static String link(SyndEntry e) {
        if (e.getLink() != null && !e.getLink().isBlank()) {
            return e.getLink().strip();
        }
        for (SyndLink l : e.getLinks()) {
            if (l.getHref() != null && (l.getRel() == null || l.getRel().equals("alternate"))) {
                return l.getHref().strip();
            }
        }
        return "";
    }

    private static String text(SyndContent c) {
        if (c == null || c.getValue() == null) {
            return "";
        }
        String type = c.getType() == null ? "" : c.getType().toLowerCase(Locale.ROOT);
        return type.equals("text") || type.equals("text/plain") ? c.getValue().strip() : HtmlText.of(c.getValue());
    }
}
