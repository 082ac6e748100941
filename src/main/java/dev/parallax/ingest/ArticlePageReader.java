package dev.parallax.ingest;

import dev.parallax.ingest.feed.FeedEntry;
import dev.parallax.ingest.http.FetchResult;
import dev.parallax.ingest.http.HttpFetcher;
import dev.parallax.ingest.http.TextDecoder;
import dev.parallax.ingest.page.ExtractedPage;
import dev.parallax.ingest.page.PageExtractor;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Fetches a feed entry's article page and extracts it; decides between the page's text and the feed's. */
final class ArticlePageReader {
    // A page text shorter than this share of the feed's own text is a teaser or a paywall.
    private static final double PAGE_VS_FEED = 0.7;

    private final HttpFetcher fetcher;
    private final PageExtractor pages;

    ArticlePageReader(HttpFetcher fetcher, PageExtractor pages) {
        this.fetcher = fetcher;
        this.pages = pages;
    }

    /** The extracted page, or null (with a warning) when it cannot be fetched or is not a web page. */
    ExtractedPage read(String link, List<String> warnings) {
        URI uri;
        try {
            uri = new URI(link.replace(" ", "%20"));
        } catch (URISyntaxException ex) {
            warnings.add("unreadable entry link " + WebIngestService.shorten(link));
            return null;
        }
        FetchResult result = fetcher.fetch(uri, HttpFetcher.Validators.NONE);
        if (result instanceof FetchResult.Fetched f) {
            String html = TextDecoder.decode(f.body(), f.contentType()).text();
            if (!looksLikeHtml(f.contentType(), html)) {
                warnings.add("entry link is not a web page, used the feed's text: " + WebIngestService.shorten(link));
                return null;
            }
            return pages.extract(html, f.finalUri().toString());
        }
        String why = result instanceof FetchResult.Failed failed ? failed.reason()
                : result instanceof FetchResult.Throttled t ? "HTTP " + t.status() : "no body";
        warnings.add("article page unavailable (" + why + "), used the feed's text: "
                + WebIngestService.shorten(link));
        return null;
    }

    /** The page's text unless it is much shorter than what the feed itself carries (a teaser or a paywall). */
    static String chooseBody(ExtractedPage page, FeedEntry e) {
        String feedText = e.feedText();
        String pageText = page == null ? "" : page.text();
        return pageText.length() >= PAGE_VS_FEED * feedText.length() ? pageText : feedText;
    }

    static boolean looksLikeHtml(String contentType, String text) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("html")) {
            return true;
        }
        String head = text.stripLeading();
        head = head.substring(0, Math.min(head.length(), 1024)).toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body");
    }

    /** A readable, stable article id: the outlet's slug and a hash of where the article lives. */
    static String articleId(String outlet, String location) {
        String slug = outlet.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.length() > 24) {
            slug = slug.substring(0, 24).replaceAll("-$", "");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(location.getBytes(StandardCharsets.UTF_8));
            String hash = HexFormat.of().formatHex(digest).substring(0, 10);
            return slug.isEmpty() ? "web-" + hash : slug + "-" + hash;
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
