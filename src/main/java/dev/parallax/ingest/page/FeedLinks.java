package dev.parallax.ingest.page;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The feed a web page announces with {@code <link rel="alternate" type="application/rss+xml" href>}
 * (Atom and JSON Feed too), for a user who gives the home page instead of the feed. RSS and Atom
 * win over JSON, the page's first of them over later ones; a comments feed (by its title or URL)
 * is never the outlet's feed.
 */
public final class FeedLinks {
    // Rank by type, lower is better: RSS and Atom alike; plain application/json is the least certain to be a feed.
    private static final Map<String, Integer> RANKS = Map.of("application/rss+xml", 0, "application/atom+xml", 0,
            "application/feed+json", 1, "application/json", 2);

    private FeedLinks() {
    }

    /** The best feed link on the page, absolute (resolved against {@code <base>} or the page URL). */
    public static Optional<URI> best(String html, String pageUrl) {
        Document doc = Jsoup.parse(html, pageUrl);
        URI best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Element link : doc.select("link[href][type]")) {
            int rank = RANKS.getOrDefault(link.attr("type").strip().toLowerCase(Locale.ROOT), -1);
            // Strictly better only: among links of one rank the page's first is its main feed.
            if (rank < 0 || rank >= bestRank || !isAlternate(link) || isComments(link)) {
                continue;
            }
            Optional<URI> uri = absolute(link.absUrl("href"));
            if (uri.isPresent()) {
                best = uri.get();
                bestRank = rank;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean isAlternate(Element link) {
        for (String rel : link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
            if (rel.equals("alternate")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isComments(Element link) {
        return link.attr("title").toLowerCase(Locale.ROOT).contains("comments")
                || link.attr("href").toLowerCase(Locale.ROOT).contains("comments");
    }

    private static Optional<URI> absolute(String href) {
        if (href.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(href.replace(" ", "%20")));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
